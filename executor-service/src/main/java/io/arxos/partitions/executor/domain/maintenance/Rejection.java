package io.arxos.partitions.executor.domain.maintenance;

import java.util.Objects;

/** Why a command was refused before any SQL ran: the rule, and a message naming the bad value. */
public record Rejection(Rule rule, String message) {

    /** The safety rules a command can break. */
    public enum Rule {
        TABLE_NOT_MANAGED,
        INVALID_COMMAND,
        BOUNDS_NOT_ALIGNED,
        NAME_NOT_CONVENTIONAL,
        INSIDE_RETENTION,
        PAST_RETENTION,
        PROTECTED_TABLE,
        POLICY_MISMATCH,
        STATE_CONFLICT,
        COMMAND_ID_REUSED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Rejection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
