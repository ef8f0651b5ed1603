package io.arxos.partitions.reporter.config;

import io.arxos.partitions.reporter.files.ReportArchive;
import io.arxos.partitions.schemas.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;

/** Builds the beans that come straight from configuration. */
@ApplicationScoped
public class ReporterBeans {

    /** Kafka and registry client settings under their native names ({@code kafka.*}, {@code schema.registry.url}). */
    @Produces
    @Singleton
    KafkaSettings kafkaSettings(Config config) {
        return KafkaSettings.from(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    @Produces
    @Singleton
    @Named("maintenance")
    ReportArchive reportArchive(ReporterConfig config) {
        ReporterConfig.validate(config);
        return ReportArchive.maintenance(Path.of(config.outputDir()));
    }

    @Produces
    @Singleton
    @Named("analyses")
    ReportArchive analysisArchive(ReporterConfig config) {
        ReporterConfig.validate(config);
        return ReportArchive.analyses(Path.of(config.outputDir()));
    }
}
