package io.arxos.partitions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @Test
    void quotesPlainNames() {
        assertThat(Identifier.of("audit_logs").quoted()).isEqualTo("\"audit_logs\"");
        assertThat(TableRef.parse("arxos.audit_logs").quoted()).isEqualTo("\"arxos\".\"audit_logs\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Audit", "a-b", "1abc", "x\"; drop table t; --", "a b", "", "émoji"})
    void refusesAnythingButPlainNamesAndNamesTheValue(String raw) {
        assertThatThrownBy(() -> Identifier.of(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a plain identifier");
    }

    @Test
    void refusesNamesLongerThan63Bytes() {
        String longName = "a".repeat(64);
        assertThatThrownBy(() -> Identifier.of(longName)).hasMessageContaining("64 bytes long");
        assertThat(Identifier.of("a".repeat(63)).value()).hasSize(63);
    }

    @Test
    void keepsControlCharactersOutOfMessages() {
        assertThatThrownBy(() -> Identifier.of("bad\nname")).hasMessageContaining("bad\\u000aname");
    }

    @Test
    void bareTableNameMeansPublicSchema() {
        assertThat(TableRef.parse("chat_messages")).isEqualTo(TableRef.of("public", "chat_messages"));
        assertThatThrownBy(() -> TableRef.parse("a.b.c")).hasMessageContaining("'a.b.c' is not schema.table");
    }

    @Test
    void tableKeyRoundTripsThroughTheMessageKey() {
        TableKey key = new TableKey(DatabaseId.of("arxos-eu-1"), TableRef.parse("public.audit_logs"));
        assertThat(key.messageKey()).isEqualTo("arxos-eu-1/public.audit_logs");
        assertThat(TableKey.parse(key.messageKey())).isEqualTo(key);
        assertThatThrownBy(() -> DatabaseId.of("Prod DB")).hasMessageContaining("'Prod DB'");
    }
}
