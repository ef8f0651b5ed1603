package io.arxos.partitions.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes SpecificRecords, GenericRecords and Avro primitives in Confluent's wire format, configured by Confluent's
 * property names, so it and {@code io.confluent.kafka.serializers.KafkaAvroSerializer} are interchangeable by class
 * name. As in Confluent, {@code auto.register.schemas=true} wins over {@code use.latest.version}; the latest
 * version is fetched once per subject and kept for the serializer's lifetime. Bad data or a schema the registry
 * rejects gives a {@code SerializationException}; an unavailable registry a {@link SchemaRegistryException}.
 */
public class ConfluentAvroSerializer implements Serializer<Object> {

    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private AvroSerdeConfig config;
    private boolean isKey;

    /** For Kafka, which instantiates {@code value.serializer} by class name and then calls configure. */
    public ConfluentAvroSerializer() {
    }

    /** Uses {@code client} instead of one built from {@code schema.registry.url}; configure still required. */
    public ConfluentAvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Uses {@code client}, configured as a value serializer. */
    public ConfluentAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this(client);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClient.fromConfig(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException(
                    "ConfluentAvroSerializer is not configured: call configure(configs, isKey)");
        }
        Schema schema = schemaOf(data);
        String subject = config.subjectNameStrategy(isKey).subjectName(topic, isKey, schema);
        // write first: bad data fails without a registry round trip
        byte[] body = write(topic, schema, data);
        if (config.autoRegisterSchemas()) {
            return ConfluentWireFormat.encode(register(topic, subject, schema), body);
        }
        if (config.useLatestVersion()) {
            RegisteredSchema latest = latest(topic, subject);
            byte[] latestBody = latest.schema().equals(schema) ? body : transcode(topic, body, schema, latest);
            return ConfluentWireFormat.encode(latest.id(), latestBody);
        }
        return ConfluentWireFormat.encode(lookUp(topic, subject, schema), body);
    }

    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (data instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (data instanceof Integer) {
            type = Schema.Type.INT;
        } else if (data instanceof Long) {
            type = Schema.Type.LONG;
        } else if (data instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (data instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (data instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else if (data instanceof byte[] || data instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else {
            throw new SerializationException("cannot serialize " + data.getClass().getName() + " as Avro: expected a"
                    + " SpecificRecord, GenericRecord or an Avro primitive (String, Integer, Long, Boolean, Float,"
                    + " Double, byte[])");
        }
        return Schema.create(type);
    }

    private byte[] write(String topic, Schema schema, Object data) {
        // Avro's writer wants ByteBuffer for bytes; Confluent's serializer accepts byte[] too
        Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writerFor(schema, data).write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": cannot write a value of " + describe(schema)
                    + " as Avro: " + SchemaRegistryException.describe(e), e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        // a SpecificRecord's own class loader resolves its nested generated classes (see Quarkus issue 27057)
        ClassLoader loader = data instanceof SpecificRecord ? data.getClass().getClassLoader() : null;
        return writers.computeIfAbsent(new WriterKey(schema, loader), key -> key.loader() == null
                ? new GenericDatumWriter<>(key.schema())
                : new SpecificDatumWriter<>(key.schema(), SpecificModels.forLoader(key.loader())));
    }

    /** Re-encodes a body written with {@code writer} in the latest schema, so the bytes match the header's id. */
    private byte[] transcode(String topic, byte[] body, Schema writer, RegisteredSchema latest) {
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("topic " + topic + ": use.latest.version is set but version "
                    + latest.version() + " (schema id " + latest.id() + ") of subject " + latest.subject()
                    + " cannot read " + describe(writer) + ": " + compatibility.getDescription());
        }
        try {
            Object datum = new GenericDatumReader<>(writer, latest.schema())
                    .read(null, DecoderFactory.get().binaryDecoder(body, null));
            return write(topic, latest.schema(), datum);
        } catch (IOException e) {
            throw new SerializationException("topic " + topic + ": cannot convert " + describe(writer)
                    + " to schema id " + latest.id(), e);
        }
    }

    private int register(String topic, String subject, Schema schema) {
        try {
            return client.register(subject, schema);
        } catch (SchemaRegistryException e) {
            throw e.forRecord("topic " + topic + ": could not register " + describe(schema) + " under subject "
                    + subject);
        }
    }

    private int lookUp(String topic, String subject, Schema schema) {
        try {
            return client.getId(subject, schema);
        } catch (SchemaRegistryException e) {
            String problem = e.isNotFound()
                    ? " is not registered under subject " + subject + " and auto.register.schemas=false; register it"
                            + " first or enable auto.register.schemas"
                    : " could not be looked up under subject " + subject;
            throw e.forRecord("topic " + topic + ": " + describe(schema) + problem);
        }
    }

    private RegisteredSchema latest(String topic, String subject) {
        RegisteredSchema cached = latestBySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        try {
            RegisteredSchema latest = client.getLatestSchemaMetadata(subject);
            latestBySubject.put(subject, latest);
            return latest;
        } catch (SchemaRegistryException e) {
            throw e.forRecord("topic " + topic + ": use.latest.version is set but the latest version of subject "
                    + subject + " could not be fetched");
        }
    }

    static String describe(Schema schema) {
        return "schema " + schema.getFullName();
    }

    @Override
    public String toString() {
        return "ConfluentAvroSerializer{" + (isKey ? "key" : "value") + ", client=" + client + "}";
    }

    private record WriterKey(Schema schema, ClassLoader loader) {
    }
}
