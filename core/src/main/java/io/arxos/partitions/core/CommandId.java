package io.arxos.partitions.core;

import java.util.Objects;

/**
 * A command id derived from the change itself (database, table, operation, bounds), so re-planning the same change
 * yields the same id and the executor's ledger recognises it. Validation changes nothing, so its id is per run.
 */
public record CommandId(String value) {

    public CommandId {
        Objects.requireNonNull(value, "command id");
        if (value.isBlank() || value.length() > 400) {
            throw new IllegalArgumentException("command id '" + Identifier.printable(value) + "' is blank or too long");
        }
    }

    public static CommandId forChange(TableKey table, Operation operation, PartitionRange range) {
        if (!operation.isChange()) {
            throw new IllegalArgumentException(operation.label() + " is not a change; use forValidation");
        }
        return new CommandId(operation.label() + ":" + table.messageKey() + ":" + range);
    }

    public static CommandId forValidation(TableKey table, String runId) {
        return new CommandId(Operation.VALIDATE_TABLE.label() + ":" + table.messageKey() + ":run=" + runId);
    }

    @Override
    public String toString() {
        return value;
    }
}
