package io.arxos.partitions.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Every record, enum and field carries a doc, and every enum a default symbol so it can evolve. */
class SchemaDocumentationTest {

    private static final Map<String, Schema> CURRENT = SchemaFiles.parseFolder(Path.of("src/main/avro/common"));

    @Test
    void everyRecordFieldAndEnumIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        for (Schema schema : allTypes().values()) {
            if (isBlank(schema.getDoc())) {
                undocumented.add(schema.getFullName());
            }
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream().filter(f -> isBlank(f.doc()))
                        .forEach(f -> undocumented.add(schema.getName() + "." + f.name()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyEnumHasADefaultSymbolForEvolution() {
        List<String> withoutDefault = allTypes().values().stream()
                .filter(s -> s.getType() == Schema.Type.ENUM && s.getEnumDefault() == null)
                .map(Schema::getFullName).toList();
        assertThat(withoutDefault).isEmpty();
    }

    /** The common types plus every named type reachable from a topic's value schema (the events). */
    private static Map<String, Schema> allTypes() {
        Map<String, Schema> all = new HashMap<>(CURRENT);
        for (TopicSpec<?> topic : Topics.ALL) {
            try {
                collect((Schema) topic.valueType().getField("SCHEMA$").get(null), all);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    private static void collect(Schema schema, Map<String, Schema> into) {
        switch (schema.getType()) {
            case RECORD -> {
                if (into.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> collect(f.schema(), into));
                }
            }
            case ENUM -> into.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collect(schema.getElementType(), into);
            case UNION -> schema.getTypes().forEach(t -> collect(t, into));
            default -> {
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
