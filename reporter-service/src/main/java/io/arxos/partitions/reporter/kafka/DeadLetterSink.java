package io.arxos.partitions.reporter.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Where undecodable records go; {@link #send} returns only once the record is safely written. */
public interface DeadLetterSink {

    /** @throws RuntimeException when the dead letter could not be written */
    void send(ProducerRecord<byte[], byte[]> deadLetter);
}
