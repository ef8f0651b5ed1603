package io.arxos.partitions.executor.domain;

/**
 * Decides whether a failed attempt may be retried, by SQLSTATE: connection problems (08*), serialization failures
 * (40001), deadlocks (40P01), lock timeouts (55P03) and a terminated or restarting server process pass; everything
 * else (syntax, privileges, constraint violations, a dropped database, …) will fail again and is permanent.
 */
public final class ErrorClassifier {

    /** admin_shutdown (e.g. pg_terminate_backend), crash_shutdown, cannot_connect_now, idle_session_timeout. */
    private static final java.util.Set<String> SERVER_GONE = java.util.Set.of("57P01", "57P02", "57P03", "57P05");

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
                || sqlState.equals("55P03") || SERVER_GONE.contains(sqlState)) {
            return ErrorClass.RETRIABLE;
        }
        return ErrorClass.PERMANENT;
    }
}
