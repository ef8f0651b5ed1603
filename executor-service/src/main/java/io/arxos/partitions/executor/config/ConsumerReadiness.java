package io.arxos.partitions.executor.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the command consumer is polling. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    ExecutorApplication application;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("command-consumer").status(application.isConsuming()).build();
    }
}
