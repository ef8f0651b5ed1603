package io.arxos.partitions.serde;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API (also served by Apicurio's
 * ccompat API and others) over {@code java.net.http}, caching ids and schemas, which never change once assigned.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryTransport transport;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Object registrations = new Object();

    /** A client for the URLs, credentials and timeout of {@code config}. */
    public RestSchemaRegistryClient(AvroSerdeConfig config) {
        this.transport = new RegistryTransport(config.endpoints(), config.requestTimeout());
    }

    /** A client for a comma-separated URL list with default settings (credentials from the URLs, if any). */
    public static RestSchemaRegistryClient forUrl(String urls) {
        return new RestSchemaRegistryClient(AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls)));
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        // one registration at a time per client: threads sending their first record of a new schema at once would
        // otherwise all post it, and registries backed by a database (Apicurio) fail such races with HTTP 500
        synchronized (registrations) {
            cached = cachedId(subject, schema);
            if (cached != null) {
                return cached;
            }
            JsonNode answer = transport.post("/subjects/" + encode(subject) + "/versions", body(schema));
            return remember(subject, schema, requiredInt(answer, "id", "register under " + subject));
        }
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.post("/subjects/" + encode(subject), body(schema));
        return remember(subject, schema, requiredInt(answer, "id", "look up under " + subject));
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.get("/schemas/ids/" + id);
        Schema schema = parseSchema(answer, "schema id " + id);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    @Override
    public RegisteredSchema getLatestSchemaMetadata(String subject) {
        // not cached: "latest" changes whenever someone registers a new version
        JsonNode answer = transport.get("/subjects/" + encode(subject) + "/versions/latest");
        String what = "latest version of " + subject;
        int id = requiredInt(answer, "id", what);
        Schema schema = schemasById.computeIfAbsent(id, ignored -> parseSchema(answer, what));
        return new RegisteredSchema(subject, id, requiredInt(answer, "version", what), schema);
    }

    @Override
    public List<String> getAllSubjects() {
        List<String> subjects = new ArrayList<>();
        transport.get("/subjects").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public String updateCompatibility(String subject, String compatibility) {
        JsonNode answer = transport.put("/config/" + encode(subject), Map.of("compatibility", compatibility));
        return compatibilityLevel(answer, subject);
    }

    @Override
    public String getCompatibility(String subject) {
        // defaultToGlobal: Confluent answers 404 for subjects without their own level unless asked to fall back
        return compatibilityLevel(transport.get("/config/" + encode(subject) + "?defaultToGlobal=true"), subject);
    }

    private Integer cachedId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private int remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, ignored -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private static Map<String, String> body(Schema schema) {
        // schemaType is omitted on purpose: AVRO is the default and old registries reject the field
        return Map.of("schema", schema.toString());
    }

    /** Encodes a subject as one path segment: URLEncoder targets forms, so '+' must become %20. */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException("schema registry answer for " + what + " has no integer '" + field
                    + "': " + answer, 200, -1, null);
        }
        return value.asInt();
    }

    private static Schema parseSchema(JsonNode answer, String what) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(what + " is a " + type + " schema, not Avro", 200, -1, null);
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException("schema registry answer for " + what + " has no 'schema'", 200, -1,
                    null);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("schema registry returned an invalid Avro schema for " + what + ": "
                    + e.getMessage(), 200, -1, e);
        }
    }

    private static String compatibilityLevel(JsonNode answer, String subject) {
        // GET answers compatibilityLevel, PUT answers compatibility (Confluent and Apicurio alike)
        JsonNode level = answer.hasNonNull("compatibilityLevel") ? answer.get("compatibilityLevel")
                : answer.get("compatibility");
        if (level == null) {
            throw new SchemaRegistryException("schema registry answer for the compatibility of " + subject
                    + " names no level: " + answer, 200, -1, null);
        }
        return level.asText();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + transport.endpoints();
    }
}
