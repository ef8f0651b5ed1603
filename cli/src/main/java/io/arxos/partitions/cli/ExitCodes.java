package io.arxos.partitions.cli;

/** What partctl's exit status means; 0, 1 and 2 come from the run's report. */
public final class ExitCodes {

    /** Every operation went well. */
    public static final int OK = 0;
    /** An operation failed or was refused, or the run is incomplete. */
    public static final int OPERATION_FAILED = 1;
    /** Validation found problems. */
    public static final int VALIDATION_PROBLEMS = 2;
    /** Kafka, the registry or a service did not answer. */
    public static final int UNREACHABLE = 3;
    /** The command line or the inventory is wrong. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
