package io.arxos.partitions.reporter.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON (Jackson) serde of a domain record, for the reporter's own state store and repartition topic: internal
 * data, so it needs no schema registry round trips and no Avro subjects of its own.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // state written by a newer reporter version must still restore after a rollback
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final JavaType type;

    public JsonSerde(Class<T> type) {
        this.type = MAPPER.constructType(type);
    }

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    /** The serde of a generic record, e.g. {@code RunState<PlannedRun, Outcome>}. */
    public static <T> JsonSerde<T> parametric(Class<?> raw, Class<?>... parameters) {
        return new JsonSerde<>(MAPPER.getTypeFactory().constructParametricType(raw, parameters));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(data);
            } catch (IOException e) {
                throw new SerializationException("topic " + topic + ": cannot write " + name() + " as JSON: "
                        + e.getMessage(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return MAPPER.readValue(data, type);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("topic " + topic + ": " + data.length + " bytes are not a JSON "
                        + name() + ": " + e.getMessage(), e);
            }
        };
    }

    private String name() {
        return type.getRawClass().getSimpleName();
    }
}
