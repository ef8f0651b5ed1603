package io.arxos.partitions.cli.maintenance;

import io.arxos.partitions.events.MaintenanceScope;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The guide's maintain options as a run scope. No option means full maintenance. {@code --validate-only} stands
 * alone; the other options combine, and every run that changes something validates at the end so the report lists
 * the partitions as they are after the run.
 */
public record RunScope(boolean validate, boolean createMissing, boolean dropExpired, YearMonth from, YearMonth to) {

    public static RunScope of(boolean validateOnly, boolean createMissing, boolean dropOld, List<String> range) {
        boolean explicit = range != null && !range.isEmpty();
        if (validateOnly && (createMissing || dropOld || explicit)) {
            throw new IllegalArgumentException("--validate-only cannot be combined with --create-missing-partitions,"
                    + " --drop-old-partitions or --create-partitions");
        }
        if (validateOnly) {
            return new RunScope(true, false, false, null, null);
        }
        YearMonth from = null;
        YearMonth to = null;
        if (explicit) {
            if (range.size() != 2) {
                throw new IllegalArgumentException(
                        "--create-partitions takes two months: FROM TO (e.g. 2024-01 2024-12)");
            }
            from = month(range.get(0));
            to = month(range.get(1));
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--create-partitions " + from + " " + to + " ends before it starts");
            }
        }
        if (!createMissing && !dropOld && !explicit) {
            return new RunScope(true, true, true, null, null);
        }
        return new RunScope(true, createMissing, dropOld, from, to);
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a month (yyyy-MM, e.g. 2024-01)");
        }
    }

    MaintenanceScope toEvent() {
        return MaintenanceScope.newBuilder().setValidate(validate).setCreateMissing(createMissing)
                .setDropExpired(dropExpired).setCreateFrom(from == null ? null : from.toString())
                .setCreateTo(to == null ? null : to.toString()).build();
    }
}
