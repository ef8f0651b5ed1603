package io.arxos.partitions.planner.kafka.maintenance;

import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.MaintenanceScope;
import io.arxos.partitions.planner.app.maintenance.PlanMaintenanceRun;
import io.arxos.partitions.planner.app.maintenance.RunDeadline;
import io.arxos.partitions.planner.app.maintenance.RunPublisher;
import io.arxos.partitions.planner.app.maintenance.RunRequest;
import io.arxos.partitions.planner.domain.RequestExpiry;
import io.arxos.partitions.planner.domain.maintenance.PlanScope;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import io.arxos.partitions.planner.kafka.RequestLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maintenance requests: each is planned as a run and published in the transaction that consumes it (see
 * {@link RequestLoop}). A request the planner can decode but not honour becomes a refused run, so the requester gets
 * a report saying why instead of silence.
 *
 * @param plannerFor builds the use case around a publisher that also commits the request's offset in the run's
 *     transaction
 */
public record MaintenanceRequests(KafkaRunPublisher publisher, Function<RunPublisher, PlanMaintenanceRun> plannerFor,
        Clock clock, RunDeadline defaultDeadline) implements RequestLoop.Handler<MaintenanceRequest, RunRequest> {

    @Override
    public RunRequest read(MaintenanceRequest request) {
        RequestExpiry.check("maintenance", request.getEnvelope().getRunId(), request.getEnvelope().getOccurredAt(),
                request.getPlanWithinSeconds(), clock.instant());
        MaintenanceScope s = request.getScope();
        PlanScope scope = new PlanScope(s.getValidate(), s.getCreateMissing(), s.getDropExpired(),
                month(s.getCreateFrom()), month(s.getCreateTo()));
        // no deadline asked for: the default one, which grows with the run's commands
        RunDeadline deadline = request.getDeadlineSeconds() > 0
                ? RunDeadline.fixed(Duration.ofSeconds(request.getDeadlineSeconds()))
                : defaultDeadline;
        return new RunRequest(request.getEnvelope().getRunId(), PlannedRun.Trigger.REQUEST, scope,
                request.getDatabases(), request.getTables(), request.getDryRun(), deadline);
    }

    @Override
    public void answer(RunRequest request, RequestLoop.Consumed consumed) {
        plannerFor.apply((run, metrics) -> publisher.publish(run, metrics, consumed.offsets(), consumed.group()))
                .plan(request);
    }

    @Override
    public void refuse(MaintenanceRequest request, String reason, RequestLoop.Consumed consumed) {
        publisher.publish(PlannedRun.refused(request.getEnvelope().getRunId(), PlannedRun.Trigger.REQUEST,
                PlanScope.VALIDATE_ONLY, request.getDryRun(), clock.instant(), reason), List.of(), consumed.offsets(),
                consumed.group());
    }

    private static Optional<YearMonth> month(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month '" + text + "' is not yyyy-MM");
        }
    }
}
