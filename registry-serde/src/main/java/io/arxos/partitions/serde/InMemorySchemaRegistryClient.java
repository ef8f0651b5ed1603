package io.arxos.partitions.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, for tests that need no real registry (e.g. with {@code TopologyTestDriver}).
 * Like a real registry it gives equal schemas the same global id in every subject. Configuring a serde with
 * {@code schema.registry.url=mock://<scope>} shares one instance per scope, as Confluent's serdes do.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    static final String MOCK_SCHEME = "mock";
    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final String url;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
    private final Map<String, String> compatibilityBySubject = new HashMap<>();
    private int nextId = 1;

    /** A private registry, not reachable through {@code mock://} URLs. */
    public InMemorySchemaRegistryClient() {
        this("mock://private");
    }

    private InMemorySchemaRegistryClient(String url) {
        this.url = url;
    }

    /** The registry shared by every serde configured with {@code mock://<scope>}. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient(MOCK_SCHEME + "://" + s));
    }

    /** Forgets a {@code mock://} scope, so the next test starts from an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Integer known = idsBySchema.get(schema);
        return register(subject, schema, known != null ? known : nextId);
    }

    /** Registers {@code schema} with a chosen id, e.g. to reproduce bytes written by another registry. */
    public synchronized int register(String subject, Schema schema, int id) {
        Integer known = idsBySchema.get(schema);
        if (known != null && known != id) {
            throw new IllegalArgumentException("schema " + schema.getFullName() + " already has id " + known);
        }
        Schema other = schemasById.get(id);
        if (other != null && !other.equals(schema)) {
            throw new IllegalArgumentException("id " + id + " is already taken by " + other.getFullName());
        }
        schemasById.put(id, schema);
        idsBySchema.put(schema, id);
        nextId = Math.max(nextId, id + 1);
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw notFound("POST", "/subjects/" + subject, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject not found");
        }
        if (!versions.contains(schema)) {
            throw notFound("POST", "/subjects/" + subject, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found");
        }
        return idsBySchema.get(schema);
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw notFound("GET", "/schemas/ids/" + id, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatestSchemaMetadata(String subject) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw notFound("GET", "/subjects/" + subject + "/versions/latest",
                    SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject not found");
        }
        Schema latest = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, idsBySchema.get(latest), versions.size(), latest);
    }

    @Override
    public synchronized List<String> getAllSubjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** Stores the level; this in-memory registry does not enforce it. */
    @Override
    public synchronized String updateCompatibility(String subject, String compatibility) {
        compatibilityBySubject.put(subject, compatibility);
        return compatibility;
    }

    @Override
    public synchronized String getCompatibility(String subject) {
        return compatibilityBySubject.getOrDefault(subject, "BACKWARD");
    }

    private SchemaRegistryException notFound(String method, String path, int errorCode, String message) {
        return SchemaRegistryException.httpError(method, url + path, 404, errorCode, message);
    }

    @Override
    public String toString() {
        return "InMemorySchemaRegistryClient[" + url + "]";
    }
}
