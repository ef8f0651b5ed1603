package io.arxos.partitions.cli.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What {@code partctl migrate} does: the migration itself, or one of the alternatives chosen by an option. */
public enum MigrateAction {
    /** PREPARE, CAPTURE, COPY until done, VERIFY. */
    MIGRATE,
    /** VERIFY, then SWAP when equal. */
    SWAP,
    /** ROLLBACK. */
    ROLLBACK,
    /** FINALIZE: stop capturing writes back into the backup. */
    FINALIZE,
    /** STATUS. */
    STATUS,
    /** Every step as a dry run, written to a script. */
    EMIT_SQL;

    /** The action the options ask for; combinations that make no sense are refused with the options named. */
    public static MigrateAction of(boolean swap, boolean rollback, boolean status, boolean emitSql,
            boolean backup) {
        return of(swap, rollback, status, emitSql, backup, false);
    }

    /** As {@link #of(boolean, boolean, boolean, boolean, boolean)}, with {@code --finalize}. */
    public static MigrateAction of(boolean swap, boolean rollback, boolean status, boolean emitSql,
            boolean backup, boolean finalize) {
        List<String> chosen = new ArrayList<>();
        if (finalize) {
            chosen.add("--finalize");
        }
        if (swap) {
            chosen.add("--swap");
        }
        if (rollback) {
            chosen.add("--rollback");
        }
        if (status) {
            chosen.add("--status");
        }
        if (emitSql) {
            chosen.add("--emit-sql");
        }
        if (chosen.size() > 1) {
            throw new IllegalArgumentException(
                    "--swap, --finalize, --rollback, --status and --emit-sql exclude each other; "
                            + "give at most one (got " + String.join(" ", chosen) + ")");
        }
        if (backup && !chosen.isEmpty()) {
            throw new IllegalArgumentException("--backup-file backs the table up before the migration starts; it "
                    + "cannot be combined with " + chosen.get(0) + " (run pg_dump yourself if you need a copy now)");
        }
        if (swap) {
            return SWAP;
        }
        if (finalize) {
            return FINALIZE;
        }
        if (rollback) {
            return ROLLBACK;
        }
        if (status) {
            return STATUS;
        }
        return emitSql ? EMIT_SQL : MIGRATE;
    }

    /** The name used in reports: migrate, swap, rollback, status, emit-sql. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
