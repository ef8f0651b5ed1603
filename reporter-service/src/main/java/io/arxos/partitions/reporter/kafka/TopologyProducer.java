package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.app.ReportEvents;
import io.arxos.partitions.reporter.config.ReporterConfig;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicProvisioner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.jboss.logging.Logger;

/**
 * Gives Quarkus the topology. It first creates any missing topic: Quarkus Kafka Streams asks for the topology before
 * it waits for {@code quarkus.kafka-streams.topics}, and would otherwise wait forever on a fresh cluster.
 */
@ApplicationScoped
public class TopologyProducer {

    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

    @Produces
    @Singleton
    Topology topology(ReporterConfig config, KafkaSettings settings, ReportEvents events) {
        ReporterConfig.validate(config);
        List<String> created = TopicProvisioner.ensureTopics(settings.admin(), config.topics().replicationFactor(),
                config.topics().auditRetention().orElse(null), config.topics().timeout());
        if (created.isEmpty()) {
            LOG.infof("all topics exist on %s", settings.bootstrapServers());
        } else {
            LOG.infof("created topics %s on %s", created, settings.bootstrapServers());
        }
        return ReportTopology.build(new ReportTopology.Settings(settings.registry(), config.punctuateInterval(),
                config.finishedRetention(), config.orphanTtl(), config.analysisAssemblyTimeout()), events);
    }
}
