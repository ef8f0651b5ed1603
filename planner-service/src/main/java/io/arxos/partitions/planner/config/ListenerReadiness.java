package io.arxos.partitions.planner.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the maintenance- and analysis-request listeners are polling. */
@Readiness
@ApplicationScoped
public class ListenerReadiness implements HealthCheck {

    @Inject
    PlannerApplication application;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("request-listener").status(application.isListening()).build();
    }
}
