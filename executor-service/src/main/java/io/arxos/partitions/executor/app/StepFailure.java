package io.arxos.partitions.executor.app;

/** A step or inspection failed in the database; carries the SQLSTATE the retry decision is made on. */
public class StepFailure extends Exception {

    private final String sqlState;

    public StepFailure(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
