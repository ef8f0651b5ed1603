package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.serde.fixtures.SampleEvent;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroDeserializerTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ConfluentAvroSerializer serializer =
            new ConfluentAvroSerializer(registry, Samples.config("mock://t"));

    @Test
    void nullStaysNull() {
        assertThat(generic().deserialize("events", null)).isNull();
    }

    @Test
    void badMagicByteNamesTopicAndByte() {
        assertThatThrownBy(() -> generic().deserialize("events", "{\"id\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessage("topic events: unknown magic byte 0x7b (expected 0x00): not Confluent wire format");
    }

    @Test
    void tooShortPayloadNamesTopicAndLength() {
        assertThatThrownBy(() -> generic().deserialize("events", new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("topic events: payload of 2 bytes is too short");
    }

    @Test
    void unknownSchemaIdNamesTopicAndId() {
        assertThatThrownBy(() -> generic().deserialize("events", HexFormat.of().parseHex("000000006302")))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("topic events: schema id 99 is unknown to the schema registry");
    }

    @Test
    void truncatedAvroNamesTopicAndSchemaId() {
        byte[] bytes = serializer.serialize("events", Samples.sampleV1(150, "audit_logs"));
        int id = ConfluentWireFormat.schemaId(bytes);

        assertThatThrownBy(() -> generic().deserialize("events", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("topic events: corrupt Avro payload of " + (bytes.length - 3)
                        + " bytes for schema id " + id + " (io.arxos.partitions.serde.fixtures.SampleEvent)");
    }

    @Test
    void trailingBytesAreTreatedAsCorrupt() {
        byte[] bytes = serializer.serialize("events", Samples.sampleV1(1, "x"));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);

        assertThatThrownBy(() -> generic().deserialize("events", longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("bytes left over");
    }

    @Test
    void anUnreachableRegistryIsNotReportedAsABadRecord() {
        String url = "http://127.0.0.1:" + FakeRegistryServer.closedPort();
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Samples.config(url), false);

        assertThatThrownBy(() -> deserializer.deserialize("events", HexFormat.of().parseHex("000000000102")))
                .isInstanceOf(SchemaRegistryException.class)
                .isNotInstanceOf(SerializationException.class)
                .hasMessageContaining("topic events: schema id 1 could not be fetched")
                .hasMessageContaining("schema registry not reachable at " + url);
    }

    @Test
    void readsWithAGivenReaderSchemaFillingDefaults() {
        byte[] bytes = serializer.serialize("events", Samples.sampleV1(5, "v1"));

        GenericRecord read = (GenericRecord) generic().deserialize("events", bytes, Samples.SAMPLE_V2);

        assertThat(read.getSchema()).isEqualTo(Samples.SAMPLE_V2);
        assertThat(read.get("name")).hasToString("v1");
        assertThat(read.get("note")).hasToString("none");
    }

    @Test
    void specificReaderFindsTheGeneratedClassByTheWriterSchemaName() {
        byte[] bytes = serializer.serialize("events", Samples.sampleV1(5, "v1"));
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry,
                Samples.config("mock://t", AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"));

        Object read = deserializer.deserialize("events", bytes);

        // the class's SCHEMA$ (version 2) is the reader schema, so the field added since gets its default
        assertThat(read).isInstanceOfSatisfying(SampleEvent.class, event -> {
            assertThat(event.getId()).isEqualTo(5);
            assertThat(event.getName()).isEqualTo("v1");
            assertThat(event.getNote()).isEqualTo("none");
        });
    }

    @Test
    void specificReaderWithoutAClassNamesTheMissingClass() {
        Schema unknown = SchemaBuilder.record("Missing").namespace("com.example").fields().requiredInt("x")
                .endRecord();
        GenericRecord record = new GenericData.Record(unknown);
        record.put("x", 1);
        byte[] bytes = serializer.serialize("events", record);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry,
                Samples.config("mock://t", AvroSerdeConfig.SPECIFIC_AVRO_READER, true));

        assertThatThrownBy(() -> deserializer.deserialize("events", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic events: specific.avro.reader=true but no SpecificRecord class"
                        + " com.example.Missing");
    }

    @Test
    void specificReaderFallsBackToItsOwnLoaderWhenTheContextLoaderLacksTheClass() {
        byte[] bytes = serializer.serialize("events", Samples.sampleV1(5, "v1"));
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry,
                Samples.config("mock://t", AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // a loader that knows nothing: the deserializer must fall back to its own loader
        Thread.currentThread().setContextClassLoader(new ClassLoader(null) {});
        try {
            assertThat(deserializer.deserialize("events", bytes)).isInstanceOf(SampleEvent.class);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private ConfluentAvroDeserializer generic() {
        return new ConfluentAvroDeserializer(registry, Samples.config("mock://t"));
    }
}
