package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void prefixesTheBodyWithMagicByteAndBigEndianSchemaId() {
        byte[] framed = ConfluentWireFormat.encode(0x01020304, new byte[] {(byte) 0xca, (byte) 0xfe});

        assertThat(HexFormat.of().formatHex(framed)).isEqualTo("0001020304cafe");
    }

    @Test
    void readsTheSchemaIdBack() {
        assertThat(ConfluentWireFormat.schemaId(HexFormat.of().parseHex("00000001f4"))).isEqualTo(500);
        assertThat(ConfluentWireFormat.schemaId(ConfluentWireFormat.encode(Integer.MAX_VALUE, new byte[0])))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rejectsAnyOtherMagicByteNamingIt() {
        // a JSON value written by a plain string serializer starts with '{' = 0x7b
        byte[] json = "{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b");
    }

    @Test
    void rejectsPayloadsShorterThanTheHeaderNamingTheLength() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payload of 3 bytes is too short");
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[0]))
                .hasMessageContaining("payload of 0 bytes is too short");
    }
}
