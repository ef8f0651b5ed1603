package io.arxos.partitions.serde;

import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A schema registry call failed: either the registry answered with an error (HTTP status and the registry's
 * {@code error_code}) or no registry URL was reachable. Messages name the URL without any credentials.
 */
public class SchemaRegistryException extends KafkaException {

    /** Confluent's error code for an unknown subject. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code for an unknown version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent's error code for an unknown schema (id, or schema not under the subject). */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    static SchemaRegistryException httpError(String method, String url, int status, int errorCode,
            String registryMessage) {
        String code = errorCode < 0 ? "" : " error_code " + errorCode;
        return new SchemaRegistryException("schema registry " + method + " " + url + " failed with HTTP " + status
                + code + ": " + registryMessage, status, errorCode, null);
    }

    static SchemaRegistryException unreachable(String method, List<String> urls, Exception cause) {
        return new SchemaRegistryException("schema registry not reachable at " + String.join(", ", urls) + " ("
                + method + ": " + describe(cause) + ")", 0, -1, cause);
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    /** The HTTP status, or 0 when no registry answered. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, or -1 when it sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** True for 404 answers: unknown subject, version or schema. */
    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * True when the registry answered about the schema itself: unknown (404), incompatible (409) or invalid (422).
     * Anything else (unreachable, 5xx, 401/403) is about the registry, not the record.
     */
    public boolean isSchemaProblem() {
        return status == 404 || status == 409 || status == 422;
    }

    /**
     * What a serde throws for this failure while handling a record: a {@link SerializationException} when the
     * record's schema is the problem, so callers can dead-letter the record; otherwise a SchemaRegistryException,
     * so a registry outage is not mistaken for a bad record.
     */
    RuntimeException forRecord(String context) {
        String message = context + ": " + getMessage();
        return isSchemaProblem() ? new SerializationException(message, this)
                : new SchemaRegistryException(message, status, errorCode, this);
    }
}
