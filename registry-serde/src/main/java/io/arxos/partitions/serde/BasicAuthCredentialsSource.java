package io.arxos.partitions.serde;

import java.util.Arrays;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;

/** Where basic-auth credentials for the registry come from, per Confluent's {@code basic.auth.credentials.source}. */
public enum BasicAuthCredentialsSource {
    /** The user info part of each {@code schema.registry.url} entry ({@code http://user:pass@host}), if any. */
    URL,
    /** The {@code basic.auth.user.info} property ({@code user:password}). */
    USER_INFO;

    static BasicAuthCredentialsSource parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        for (BasicAuthCredentialsSource source : values()) {
            if (source.name().equals(normalized)) {
                return source;
            }
        }
        // SASL_INHERIT exists in Confluent but needs the Kafka SASL login context, which we do not have here
        throw new ConfigException(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, value,
                "supported sources are " + Arrays.toString(values()));
    }
}
