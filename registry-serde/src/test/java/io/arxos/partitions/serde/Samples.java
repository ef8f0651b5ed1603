package io.arxos.partitions.serde;

import io.arxos.partitions.serde.fixtures.SampleEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Schemas, records and configurations shared by the tests. */
final class Samples {

    /** Version 1 of {@link SampleEvent}'s schema: same full name, without {@code note}. */
    static final Schema SAMPLE_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "SampleEvent", "namespace": "io.arxos.partitions.serde.fixtures",
             "fields": [
               {"name": "id", "type": "long"},
               {"name": "name", "type": "string"}
             ]}""");

    /** Version 2 as a plain generic schema: adds {@code note} with a default, a backward compatible change. */
    static final Schema SAMPLE_V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "SampleEvent", "namespace": "io.arxos.partitions.serde.fixtures",
             "fields": [
               {"name": "id", "type": "long"},
               {"name": "name", "type": "string"},
               {"name": "note", "type": "string", "default": "none"}
             ]}""");

    private Samples() {
    }

    static GenericRecord sampleV1(long id, String name) {
        GenericRecord record = new GenericData.Record(SAMPLE_V1);
        record.put("id", id);
        record.put("name", name);
        return record;
    }

    /** A serde configuration: the registry URL plus alternating keys and values. */
    static Map<String, Object> config(String url, Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
