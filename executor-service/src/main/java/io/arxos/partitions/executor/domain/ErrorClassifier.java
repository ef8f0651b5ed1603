package io.arxos.partitions.executor.domain;

/**
 * Decides whether a failed attempt may be retried, by SQLSTATE: connection problems (08*), serialization failures
 * (40001), deadlocks (40P01) and lock timeouts (55P03) pass; everything else (syntax, privileges, constraint
 * violations, …) will fail again and is permanent.
 */
public final class ErrorClassifier {

    /** The two classes the retry policy distinguishes. */
    public enum ErrorClass {
        RETRIABLE,
        PERMANENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private ErrorClassifier() {
    }

    public static ErrorClass classify(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return ErrorClass.PERMANENT;
        }
        if (sqlState.startsWith("08") || sqlState.equals("40001") || sqlState.equals("40P01")
                || sqlState.equals("55P03")) {
            return ErrorClass.RETRIABLE;
        }
        return ErrorClass.PERMANENT;
    }
}
