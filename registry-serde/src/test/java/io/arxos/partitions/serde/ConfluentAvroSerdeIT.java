package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.serde.fixtures.SampleEvent;
import io.arxos.partitions.testing.SchemaRegistryProcess;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serdes and REST client against a real registry (Apicurio's Confluent-compatible API). */
class ConfluentAvroSerdeIT {

    private static SchemaRegistryProcess registry;

    /** Each test writes to its own topic, so subjects and versions never leak between tests. */
    private String topic;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryProcess.start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void pickTopic() {
        topic = "events-" + UUID.randomUUID();
    }

    @Test
    void autoRegistersThenRoundTrips() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Samples.config(registry.url()), false);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Samples.config(registry.url()), false);

        byte[] bytes = serializer.serialize(topic, Samples.sampleV1(150, "audit_logs"));

        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(Samples.sampleV1(150, "audit_logs"));
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
        assertThat(client.getAllSubjects()).contains(topic + "-value");
        assertThat(client.getSchemaById(ConfluentWireFormat.schemaId(bytes))).isEqualTo(Samples.SAMPLE_V1);
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameId() {
        int first = RestSchemaRegistryClient.forUrl(registry.url()).register(topic + "-value", Samples.SAMPLE_V1);
        // a fresh client has an empty cache, so this really asks the registry again
        RestSchemaRegistryClient fresh = RestSchemaRegistryClient.forUrl(registry.url());

        assertThat(fresh.register(topic + "-value", Samples.SAMPLE_V1)).isEqualTo(first);
        assertThat(fresh.getId(topic + "-value", Samples.SAMPLE_V1)).isEqualTo(first);
        assertThat(fresh.getLatestSchemaMetadata(topic + "-value").version()).isEqualTo(1);
    }

    @Test
    void refusesAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Samples.config(registry.url(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(topic, Samples.sampleV1(1, "x")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is not registered under subject " + topic + "-value and"
                        + " auto.register.schemas=false")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void readsVersionOneDataWithAVersionTwoReaderSchema() {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
        String subject = topic + "-value";
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer(client, Samples.config(registry.url()));
        byte[] v1Bytes = serializer.serialize(topic, Samples.sampleV1(5, "v1"));
        assertThat(client.updateCompatibility(subject, "BACKWARD")).isEqualTo("BACKWARD");
        assertThat(client.getCompatibility(subject)).isEqualTo("BACKWARD");
        int v2Id = client.register(subject, Samples.SAMPLE_V2);

        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer(client, Samples.config(registry.url()));
        GenericRecord read = (GenericRecord) deserializer.deserialize(topic, v1Bytes, Samples.SAMPLE_V2);

        assertThat(v2Id).isNotEqualTo(ConfluentWireFormat.schemaId(v1Bytes));
        assertThat(client.getLatestSchemaMetadata(subject).id()).isEqualTo(v2Id);
        assertThat(read.get("name")).hasToString("v1");
        assertThat(read.get("note")).hasToString("none");
    }

    @Test
    void specificReaderReadsOldWritersIntoTheGeneratedClass() {
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Samples.config(registry.url()), false);
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Samples.config(registry.url(), AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

        Object read = deserializer.deserialize(topic, serializer.serialize(topic, Samples.sampleV1(9, "old")));

        assertThat(read).isInstanceOfSatisfying(SampleEvent.class, event -> {
            assertThat(event.getName()).isEqualTo("old");
            assertThat(event.getNote()).isEqualTo("none");
        });
    }

    @Test
    void useLatestVersionTagsRecordsWithTheLatestId() {
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.url());
        client.register(topic + "-value", Samples.SAMPLE_V1);
        int latest = client.register(topic + "-value", Samples.SAMPLE_V2);
        ConfluentAvroSerializer serializer = new ConfluentAvroSerializer();
        serializer.configure(Samples.config(registry.url(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);

        byte[] bytes = serializer.serialize(topic, Samples.sampleV1(1, "x"));

        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(latest);
    }

    @Test
    void typedSerdeRoundTripsUnderARecordNameSubject() {
        ConfluentAvroSerde<SampleEvent> serde = ConfluentAvroSerde.of(SampleEvent.class, Samples.config(
                registry.url(), AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false);

        byte[] bytes = serde.serializer().serialize(topic, new SampleEvent(4, "typed", "n"));

        assertThat(serde.deserializer().deserialize(topic, bytes).getName()).isEqualTo("typed");
        assertThat(RestSchemaRegistryClient.forUrl(registry.url()).getAllSubjects())
                .contains(topic + "-io.arxos.partitions.serde.fixtures.SampleEvent");
    }

    @Test
    void unknownSchemaIdIsABadRecord() {
        ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer();
        deserializer.configure(Samples.config(registry.url()), false);

        assertThatThrownBy(() -> deserializer.deserialize(topic, ConfluentWireFormat.encode(987654, new byte[] {2})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic " + topic + ": schema id 987654 is unknown to the schema registry");
    }
}
