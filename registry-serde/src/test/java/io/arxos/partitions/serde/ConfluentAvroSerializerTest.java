package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.serde.fixtures.SampleEvent;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerializerTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void genericRecordsRoundTripAndRegisterUnderTopicValue() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t"));
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry, Samples.config("mock://t"));
        GenericRecord record = Samples.sampleV1(7, "audit_logs");

        byte[] bytes = serializer.serialize("events", record);

        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(registry.getId("events-value", Samples.SAMPLE_V1));
        assertThat(deserializer.deserialize("events", bytes)).isEqualTo(record);
    }

    @Test
    void specificRecordsAreWrittenWithTheirOwnSchema() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t"));

        byte[] bytes = serializer.serialize("events", new SampleEvent(1, "a", "b"));

        assertThat(registry.getSchemaById(ConfluentWireFormat.schemaId(bytes))).isEqualTo(SampleEvent.SCHEMA$);
    }

    @Test
    void primitivesRoundTripAsJavaTypes() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry);
        serializer.configure(Samples.config("mock://t"), true);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry, Samples.config("mock://t"));

        assertThat(deserializer.deserialize("t", serializer.serialize("t", "db1.audit_logs")))
                .isEqualTo("db1.audit_logs");
        assertThat(deserializer.deserialize("t", serializer.serialize("t", 42L))).isEqualTo(42L);
        assertThat(deserializer.deserialize("t", serializer.serialize("t", new byte[] {1, 2})))
                .isEqualTo(new byte[] {1, 2});
        assertThat(registry.getAllSubjects()).containsExactly("t-key");
    }

    @Test
    void nullStaysNull() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t"));

        assertThat(serializer.serialize("events", null)).isNull();
        assertThat(registry.getAllSubjects()).isEmpty();
    }

    @Test
    void failsClearlyWhenTheSchemaIsNotRegisteredAndAutoRegisterIsOff() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        assertThatThrownBy(() -> serializer.serialize("events", Samples.sampleV1(1, "x")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic events: schema io.arxos.partitions.serde.fixtures.SampleEvent is not"
                        + " registered under subject events-value and auto.register.schemas=false");
        assertThat(registry.getAllSubjects()).isEmpty();
    }

    @Test
    void usesAnAlreadyRegisteredSchemaWhenAutoRegisterIsOff() {
        int id = registry.register("events-value", Samples.SAMPLE_V1);
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        assertThat(ConfluentWireFormat.schemaId(serializer.serialize("events", Samples.sampleV1(1, "x"))))
                .isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaAndItsId() {
        registry.register("events-value", Samples.SAMPLE_V1);
        int latestId = registry.register("events-value", Samples.SAMPLE_V2);
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true));
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(registry, Samples.config("mock://t"));

        byte[] bytes = serializer.serialize("events", Samples.sampleV1(1, "x"));

        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(latestId);
        assertThat(((GenericRecord) deserializer.deserialize("events", bytes)).get("note")).hasToString("none");
    }

    @Test
    void useLatestVersionRefusesALatestSchemaThatCannotReadTheRecord() {
        registry.register("events-value", Samples.SAMPLE_V2);
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true));
        GenericRecord older = new GenericData.Record(org.apache.avro.SchemaBuilder.record("Other").fields()
                .requiredInt("x").endRecord());
        older.put("x", 1);

        assertThatThrownBy(() -> serializer.serialize("events", older))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version is set but version 1")
                .hasMessageContaining("cannot read schema Other");
    }

    @Test
    void refusesValuesAvroCannotDescribeNamingTheirClass() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t"));

        assertThatThrownBy(() -> serializer.serialize("events", new java.util.Date()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot serialize java.util.Date as Avro");
    }

    @Test
    void namesTopicAndSchemaWhenARecordIsInvalid() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(registry, Samples.config("mock://t"));
        GenericRecord missingName = new GenericData.Record(Samples.SAMPLE_V1);
        missingName.put("id", 1L);

        assertThatThrownBy(() -> serializer.serialize("events", missingName))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic events: cannot write a value of schema "
                        + "io.arxos.partitions.serde.fixtures.SampleEvent");
    }

    @Test
    void worksWhenKafkaInstantiatesItByClassNameAndConfiguresIt() throws Exception {
        // what KafkaProducer / KafkaConsumer do with value.serializer / value.deserializer
        Map<String, Object> config = Samples.config("mock://by-class-name");
        @SuppressWarnings("unchecked")
        Serializer<Object> serializer = Utils.newInstance(ConfluentAvroSerializer.class.getName(), Serializer.class);
        @SuppressWarnings("unchecked")
        Deserializer<Object> deserializer = Utils.newInstance(ConfluentAvroDeserializer.class.getName(),
                Deserializer.class);
        serializer.configure(config, false);
        deserializer.configure(config, false);
        try {
            byte[] bytes = serializer.serialize("events", Samples.sampleV1(3, "c"));

            assertThat(deserializer.deserialize("events", bytes)).isEqualTo(Samples.sampleV1(3, "c"));
            assertThat(InMemorySchemaRegistryClient.forScope("by-class-name").getAllSubjects())
                    .containsExactly("events-value");
        } finally {
            InMemorySchemaRegistryClient.dropScope("by-class-name");
        }
    }

    @Test
    void refusesToSerializeBeforeBeingConfigured() {
        assertThatThrownBy(() -> new ConfluentAvroSerializer(registry).serialize("t", Samples.sampleV1(1, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configure");
    }
}
