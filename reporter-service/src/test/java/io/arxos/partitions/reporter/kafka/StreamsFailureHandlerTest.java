package io.arxos.partitions.reporter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.SchemaRegistryException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamsFailureHandlerTest {

    private final StreamsFailureHandler handler = new StreamsFailureHandler(Duration.ZERO);

    @Test
    void replacesTheThreadWhenTheSchemaRegistryIsDown() {
        SchemaRegistryException outage = registryOutage();

        assertThat(handler.handle(new StreamsException("deserialization failed", outage)))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void stopsTheClientOnAnyOtherFailure() {
        assertThat(handler.handle(new StreamsException(new IllegalStateException("bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    private static SchemaRegistryException registryOutage() {
        try {
            Topics.RUN_PLANS.valueSerde(Map.of("schema.registry.url", "http://127.0.0.1:9")).deserializer()
                    .deserialize(Topics.RUN_PLANS.name(), new byte[] {0, 0, 0, 0, 3, 0});
        } catch (SchemaRegistryException e) {
            return e;
        }
        throw new AssertionError("expected the unreachable registry to fail");
    }
}
