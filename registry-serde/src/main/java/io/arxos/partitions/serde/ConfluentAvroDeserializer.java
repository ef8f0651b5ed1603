package io.arxos.partitions.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into GenericRecords, or into generated SpecificRecord classes with
 * {@code specific.avro.reader=true}; interchangeable with Confluent's {@code KafkaAvroDeserializer} by class name.
 * Undecodable input (bad magic byte, unknown schema id, corrupt Avro) throws a {@link SerializationException}
 * naming topic and schema id, for dead-lettering; an unavailable registry throws {@link SchemaRegistryException}
 * instead, so good records are not dead-lettered during an outage.
 */
public class ConfluentAvroDeserializer implements Deserializer<Object> {

    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    /** Set by {@link ConfluentAvroSerde}: always read into this class, whatever the writer's record name. */
    private final Class<? extends SpecificRecord> targetType;
    private SchemaRegistryClient client;
    private AvroSerdeConfig config;

    /** For Kafka, which instantiates {@code value.deserializer} by class name and then calls configure. */
    public ConfluentAvroDeserializer() {
        this.targetType = null;
    }

    /** Uses {@code client} instead of one built from {@code schema.registry.url}; configure still required. */
    public ConfluentAvroDeserializer(SchemaRegistryClient client) {
        this(Objects.requireNonNull(client, "client"), (Class<? extends SpecificRecord>) null);
    }

    /** Uses {@code client}, configured as a value deserializer. */
    public ConfluentAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this(client);
        configure(configs, false);
    }

    ConfluentAvroDeserializer(SchemaRegistryClient client, Class<? extends SpecificRecord> targetType) {
        this.client = client;
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        if (client == null) {
            client = SchemaRegistryClient.fromConfig(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, data, null);
    }

    /**
     * Reads with {@code readerSchema} (Avro schema resolution: added fields get their defaults) instead of the
     * writer's schema, like Confluent's overload of the same shape; {@code null} means the default reader schema.
     */
    public Object deserialize(String topic, byte[] data, Schema readerSchema) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException(
                    "ConfluentAvroDeserializer is not configured: call configure(configs, isKey)");
        }
        int id;
        try {
            id = ConfluentWireFormat.schemaId(data);
        } catch (SerializationException e) {
            throw new SerializationException("topic " + topic + ": " + e.getMessage(), e);
        }
        Schema writer = writerSchema(topic, id);
        DatumReader<Object> reader = readerFor(topic, id, writer, readerSchema);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_LENGTH,
                data.length - ConfluentWireFormat.HEADER_LENGTH, null);
        Object result;
        try {
            result = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                // a valid record never leaves bytes behind: trailing bytes mean the id or the body is wrong
                throw new IOException("bytes left over after reading the record");
            }
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": corrupt Avro payload of " + data.length
                    + " bytes for schema id " + id + " (" + writer.getFullName() + "): "
                    + SchemaRegistryException.describe(e), e);
        }
        // top-level primitives come back as Java types, as Confluent's deserializer returns them
        if (result instanceof CharSequence text) {
            return text.toString();
        }
        if (result instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return result;
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return client.getSchemaById(id);
        } catch (SchemaRegistryException e) {
            String problem = e.isNotFound() ? " is unknown to the schema registry" : " could not be fetched";
            throw e.forRecord("topic " + topic + ": schema id " + id + problem);
        }
    }

    private DatumReader<Object> readerFor(String topic, int id, Schema writer, Schema readerSchema) {
        boolean specific = targetType != null
                || (config.specificAvroReader() && writer.getType() == Schema.Type.RECORD);
        if (!specific) {
            return readers.computeIfAbsent(new ReaderKey(id, readerSchema, null),
                    key -> new GenericDatumReader<>(writer, readerSchema == null ? writer : readerSchema));
        }
        // keyed by the context loader too: a redeployed application brings new copies of the generated classes
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return readers.computeIfAbsent(new ReaderKey(id, readerSchema, context),
                key -> specificReader(topic, writer, readerSchema, context));
    }

    private DatumReader<Object> specificReader(String topic, Schema writer, Schema readerSchema, ClassLoader context) {
        Class<?> type = targetType != null ? targetType
                : findClass(topic, (readerSchema != null ? readerSchema : writer).getFullName(), context);
        // SpecificData on the class's own loader, not SpecificData.get(): it must instantiate the same copy of the
        // generated classes the application uses, or Quarkus tests fail with ClassCastException (Quarkus #27057)
        SpecificData data = SpecificModels.forLoader(type.getClassLoader());
        Schema reader = readerSchema != null ? readerSchema : data.getSchema(type);
        return new SpecificDatumReader<>(writer, reader, data);
    }

    private static Class<?> findClass(String topic, String name, ClassLoader context) {
        ClassLoader own = ConfluentAvroDeserializer.class.getClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, own}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (SpecificRecord.class.isAssignableFrom(type)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        throw new SerializationException("topic " + topic + ": specific.avro.reader=true but no SpecificRecord class "
                + name + " (the writer schema's full name) is visible to the thread context or the deserializer's"
                + " class loader");
    }

    @Override
    public String toString() {
        String type = targetType == null ? "" : ", type=" + targetType.getName();
        return "ConfluentAvroDeserializer{client=" + client + type + "}";
    }

    private record ReaderKey(int schemaId, Schema readerSchema, ClassLoader contextLoader) {
    }
}
