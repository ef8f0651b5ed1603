package io.arxos.partitions.planner.domain.analysis;

import java.util.List;
import java.util.Optional;

/** A primary key, unique constraint or foreign key touching an analysed table. */
public record KeyConstraint(String name, Kind kind, List<String> columns, Optional<String> otherTable,
        List<String> otherColumns, String definition) {

    /** What the constraint is, seen from the analysed table. */
    public enum Kind {
        PRIMARY_KEY, UNIQUE,
        /** This table references another. */
        FOREIGN_KEY_OUT,
        /** Another table references this one. */
        FOREIGN_KEY_IN
    }

    public KeyConstraint {
        columns = List.copyOf(columns);
        otherColumns = List.copyOf(otherColumns);
    }

    public boolean isKey() {
        return kind == Kind.PRIMARY_KEY || kind == Kind.UNIQUE;
    }
}
