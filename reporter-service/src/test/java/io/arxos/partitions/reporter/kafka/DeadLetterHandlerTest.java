package io.arxos.partitions.reporter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    private static final byte[] BYTES = {0, 0, 0, 0, 7, 1};
    private static final ErrorHandlerContext NO_CONTEXT = null;
    private final List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.OUTCOMES.name(), 2, 17L,
            "orders/public.audit_logs".getBytes(), BYTES);

    @Test
    void deadLettersARecordItCannotDecodeAndContinues() {
        DeadLetterHandler handler = handler(sent::add);

        DeserializationHandlerResponse response = handler.handle(NO_CONTEXT, record,
                new SerializationException("topic partitions.outcomes: schema id 7 is unknown"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(sent).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.DEAD_LETTERS);
            assertThat(dead.value()).isEqualTo(BYTES);
            assertThat(new String(dead.headers().lastHeader(Topics.HEADER_DLQ_SOURCE_OFFSET).value())).isEqualTo("17");
            assertThat(new String(dead.headers().lastHeader(Topics.HEADER_DLQ_REASON).value()))
                    .isEqualTo("topic partitions.outcomes: schema id 7 is unknown");
        });
    }

    @Test
    void failsInsteadOfDeadLetteringWhenTheSchemaRegistryIsUnreachable() {
        Map<String, Object> unreachable = Map.of("schema.registry.url", "http://127.0.0.1:9",
                "schema.registry.request.timeout.ms", "2000");
        Throwable outage = catchThrowable(() -> Topics.OUTCOMES.valueSerde(unreachable).deserializer()
                .deserialize(Topics.OUTCOMES.name(), BYTES));
        assertThat(outage).isInstanceOf(SchemaRegistryException.class).isNotInstanceOf(SerializationException.class);

        DeserializationHandlerResponse response = handler(sent::add).handle(NO_CONTEXT, record, (Exception) outage);

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
        assertThat(sent).isEmpty();
    }

    @Test
    void failsWhenTheDeadLetterCannotBeWritten() {
        DeadLetterHandler handler = handler(dead -> {
            throw new KafkaException("broker gone");
        });

        assertThat(handler.handle(NO_CONTEXT, record, new SerializationException("corrupt")))
                .isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    private static DeadLetterHandler handler(DeadLetterSink sink) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "partitions-reporter");
        config.put(DeadLetterHandler.SINK_CONFIG, sink);
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(config);
        return handler;
    }
}
