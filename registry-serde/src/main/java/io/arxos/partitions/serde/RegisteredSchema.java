package io.arxos.partitions.serde;

import org.apache.avro.Schema;

/** One version of a schema under a subject, as the registry reports it. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
