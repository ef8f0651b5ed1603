package io.arxos.partitions.reporter.domain.analysis;

/** What a piece of analysis advice is about, declared in the order the report groups advice. */
public enum AdviceKind {
    REASON("Why"),
    REQUIRED_CHANGE("Required changes"),
    BLOCKER("Blockers"),
    INDEX("Indexes"),
    QUERY_REWRITE("Query rewrites"),
    WARNING("Warnings"),
    RETENTION("Retention"),
    PREMAKE("Premake"),
    STRATEGY("Strategy"),
    UNKNOWN("Other advice");

    private final String heading;

    AdviceKind(String heading) {
        this.heading = heading;
    }

    /** The heading of this kind's group in the report. */
    public String heading() {
        return heading;
    }
}
