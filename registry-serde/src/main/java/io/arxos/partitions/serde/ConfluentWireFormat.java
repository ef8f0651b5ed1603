package io.arxos.partitions.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a Kafka record: magic byte {@code 0}, the 4-byte big-endian schema id, then the
 * Avro binary encoding of the datum (no container file header).
 */
public final class ConfluentWireFormat {

    /** The only magic byte Confluent has ever defined. */
    public static final byte MAGIC_BYTE = 0;

    /** Bytes before the Avro body: magic byte + schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** Frames an Avro body with the header for {@code schemaId}. */
    public static byte[] encode(int schemaId, byte[] avroBody) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroBody.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBody)
                .array();
    }

    /**
     * Validates the header and returns the schema id.
     *
     * @throws SerializationException naming the bad magic byte or the too-short length
     */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            throw new SerializationException("payload of " + payload.length + " bytes is too short for the "
                    + HEADER_LENGTH + "-byte Confluent header (magic byte + schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "unknown magic byte 0x%02x (expected 0x00): not Confluent wire format", payload[0] & 0xff));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
