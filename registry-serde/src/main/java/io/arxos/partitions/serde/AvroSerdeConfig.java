package io.arxos.partitions.serde;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings, read from a Kafka client's configuration map under Confluent's property names, so the same
 * properties work with Confluent's {@code KafkaAvroSerializer}.
 */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's deprecated alias of {@link #BASIC_AUTH_USER_INFO}, still accepted there. */
    public static final String LEGACY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    /** Short enough that a producer's send() fails well inside its default max.block.ms of 60 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<RegistryEndpoint> endpoints;
    private final boolean autoRegisterSchemas;
    private final boolean useLatestVersion;
    private final boolean specificAvroReader;
    private final BasicAuthCredentialsSource credentialsSource;
    private final SubjectNameStrategy keySubjectNameStrategy;
    private final SubjectNameStrategy valueSubjectNameStrategy;
    private final Duration requestTimeout;

    private AvroSerdeConfig(Map<String, ?> configs) {
        credentialsSource = BasicAuthCredentialsSource.parse(string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL"));
        String userInfo = userInfo(configs, credentialsSource);
        endpoints = urls(configs).stream()
                .map(url -> RegistryEndpoint.parse(url, credentialsSource, userInfo))
                .toList();
        autoRegisterSchemas = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        useLatestVersion = bool(configs, USE_LATEST_VERSION, false);
        specificAvroReader = bool(configs, SPECIFIC_AVRO_READER, false);
        keySubjectNameStrategy = strategy(configs, KEY_SUBJECT_NAME_STRATEGY);
        valueSubjectNameStrategy = strategy(configs, VALUE_SUBJECT_NAME_STRATEGY);
        requestTimeout = timeout(configs);
    }

    /**
     * Parses a Kafka client configuration map; unrelated keys are ignored.
     *
     * @throws ConfigException naming the property when a value is missing or invalid (never echoing credentials)
     */
    public static AvroSerdeConfig parse(Map<String, ?> configs) {
        return new AvroSerdeConfig(configs);
    }

    private static List<String> urls(Map<String, ?> configs) {
        Object value = configs.get(SCHEMA_REGISTRY_URL);
        List<String> urls = new ArrayList<>();
        // Kafka hands over either the raw property string or, for LIST-typed configs, a List
        if (value instanceof Collection<?> list) {
            list.forEach(entry -> urls.add(String.valueOf(entry)));
        } else if (value != null) {
            urls.addAll(List.of(value.toString().split(",")));
        }
        urls.replaceAll(String::trim);
        urls.removeIf(String::isEmpty);
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\" which has no default value (e.g. http://127.0.0.1:8081)");
        }
        return urls;
    }

    private static String userInfo(Map<String, ?> configs, BasicAuthCredentialsSource source) {
        Object value = configs.containsKey(BASIC_AUTH_USER_INFO) ? configs.get(BASIC_AUTH_USER_INFO)
                : configs.get(LEGACY_BASIC_AUTH_USER_INFO);
        String userInfo = value == null ? null : value.toString();
        if (source == BasicAuthCredentialsSource.USER_INFO && (userInfo == null || userInfo.indexOf(':') < 0)) {
            // never pass the value itself into the exception: it is a password
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + BASIC_AUTH_USER_INFO
                    + " set to user:password" + (userInfo == null ? " (it is missing)" : " (it has no ':')"));
        }
        return userInfo;
    }

    private static String string(Map<String, ?> configs, String name, String defaultValue) {
        Object value = configs.get(name);
        return value == null ? defaultValue : value.toString();
    }

    private static boolean bool(Map<String, ?> configs, String name, boolean defaultValue) {
        Object value = configs.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(name, value, "expected true or false");
    }

    private static SubjectNameStrategy strategy(Map<String, ?> configs, String name) {
        Object value = configs.get(name);
        if (value == null) {
            return SubjectNameStrategy.TOPIC_NAME;
        }
        // a Class object is what Kafka passes when the property was set as a class, not a string
        String className = value instanceof Class<?> type ? type.getName() : value.toString();
        return SubjectNameStrategy.forClassName(name, className);
    }

    private static Duration timeout(Map<String, ?> configs) {
        Object value = configs.get(REQUEST_TIMEOUT_MS);
        if (value == null) {
            return DEFAULT_REQUEST_TIMEOUT;
        }
        try {
            long millis = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new ConfigException(REQUEST_TIMEOUT_MS, value, "expected a positive number of milliseconds");
    }

    /** The registry URLs in the order they are tried, without credentials. */
    public List<RegistryEndpoint> endpoints() {
        return endpoints;
    }

    public boolean autoRegisterSchemas() {
        return autoRegisterSchemas;
    }

    public boolean useLatestVersion() {
        return useLatestVersion;
    }

    public boolean specificAvroReader() {
        return specificAvroReader;
    }

    public BasicAuthCredentialsSource credentialsSource() {
        return credentialsSource;
    }

    /** The strategy naming the subject of keys ({@code isKey}) or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public String toString() {
        return "AvroSerdeConfig{urls=" + endpoints + ", autoRegisterSchemas=" + autoRegisterSchemas
                + ", useLatestVersion=" + useLatestVersion + ", specificAvroReader=" + specificAvroReader
                + ", credentialsSource=" + credentialsSource + ", keySubjectNameStrategy=" + keySubjectNameStrategy
                + ", valueSubjectNameStrategy=" + valueSubjectNameStrategy + ", requestTimeout=" + requestTimeout + "}";
    }
}
