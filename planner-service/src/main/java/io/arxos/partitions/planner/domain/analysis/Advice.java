package io.arxos.partitions.planner.domain.analysis;

import java.util.Objects;
import java.util.Optional;

/** One reason, recommendation, required change, blocker or warning, with its basis and the SQL that does it. */
public record Advice(Kind kind, String message, Optional<String> basis, Optional<String> sql) {

    /** What the advice is about. */
    public enum Kind {
        REASON, STRATEGY, RETENTION, PREMAKE, REQUIRED_CHANGE, BLOCKER, INDEX, QUERY_REWRITE, WARNING
    }

    public Advice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static Advice of(Kind kind, String message) {
        return new Advice(kind, message, Optional.empty(), Optional.empty());
    }

    public static Advice of(Kind kind, String message, String basis) {
        return new Advice(kind, message, Optional.of(basis), Optional.empty());
    }

    public static Advice withSql(Kind kind, String message, String basis, String sql) {
        return new Advice(kind, message, Optional.ofNullable(basis), Optional.of(sql));
    }
}
