package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.serde.fixtures.SampleEvent;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    @Test
    void roundTripsTheTypedRecord() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        ConfluentAvroSerde<SampleEvent> serde = new ConfluentAvroSerde<>(SampleEvent.class, registry);
        serde.configure(Samples.config("mock://t"), false);

        byte[] bytes = serde.serializer().serialize("events", new SampleEvent(1, "a", "b"));
        SampleEvent read = serde.deserializer().deserialize("events", bytes);

        assertThat(read.getId()).isEqualTo(1);
        assertThat(read.getNote()).isEqualTo("b");
        assertThat(registry.getAllSubjects()).containsExactly("events-value");
    }

    @Test
    void readsOlderWritersIntoTheTypedClassWithoutSpecificReaderSet() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        byte[] bytes = new ConfluentAvroSerializer(registry, Samples.config("mock://t"))
                .serialize("events", Samples.sampleV1(2, "old"));
        ConfluentAvroSerde<SampleEvent> serde = new ConfluentAvroSerde<>(SampleEvent.class, registry);
        serde.configure(Samples.config("mock://t"), false);

        SampleEvent read = serde.deserializer().deserialize("events", bytes);

        assertThat(read.getName()).isEqualTo("old");
        assertThat(read.getNote()).isEqualTo("none");
    }

    @Test
    void factoryReturnsAConfiguredKeySerde() {
        try {
            Serde<SampleEvent> serde = ConfluentAvroSerde.of(SampleEvent.class, Samples.config("mock://serde-keys"),
                    true);

            byte[] bytes = serde.serializer().serialize("events", new SampleEvent(3, "k", "n"));

            assertThat(serde.deserializer().deserialize("events", bytes).getName()).isEqualTo("k");
            assertThat(InMemorySchemaRegistryClient.forScope("serde-keys").getAllSubjects())
                    .containsExactly("events-key");
        } finally {
            InMemorySchemaRegistryClient.dropScope("serde-keys");
        }
    }
}
