package io.arxos.partitions.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresAddressTest {

    @Test
    void readsHostPortAndDatabase() {
        PostgresAddress address = PostgresAddress.parse("jdbc:postgresql://db1.internal:6432/arxos");

        assertThat(address.hosts()).containsExactly(new PostgresAddress.Host("db1.internal", 6432));
        assertThat(address.database()).isEqualTo("arxos");
        assertThat(address.sslMode()).isNull();
    }

    @Test
    void portDefaultsTo5432AndQueryParametersAreNotPartOfTheDatabase() {
        PostgresAddress address = PostgresAddress.parse(
                "jdbc:postgresql://db-eu/arxos?sslmode=require&ApplicationName=x");

        assertThat(address.hosts()).containsExactly(new PostgresAddress.Host("db-eu", 5432));
        assertThat(address.database()).isEqualTo("arxos");
        assertThat(address.sslMode()).isEqualTo("require");
    }

    @Test
    void keepsIpv6LiteralsAndFailoverHostLists() {
        assertThat(PostgresAddress.parse("jdbc:postgresql://[::1]:5433/arxos").hosts())
                .containsExactly(new PostgresAddress.Host("::1", 5433));
        PostgresAddress failover = PostgresAddress.parse("jdbc:postgresql://a:5432,b:5433/arxos");
        assertThat(failover.hostList()).isEqualTo("a,b");
        assertThat(failover.portList()).isEqualTo("5432,5433");
    }

    @Test
    void decodesAPercentEncodedDatabaseName() {
        assertThat(PostgresAddress.parse("jdbc:postgresql://h/my%20db").database()).isEqualTo("my db");
        assertThat(PostgresAddress.parse("jdbc:postgresql://h:5432").database()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAPostgresUrlNamingItWithoutTheQuery() {
        assertThatThrownBy(() -> PostgresAddress.parse("jdbc:mysql://h/db"))
                .hasMessage("'jdbc:mysql://h/db' is not a jdbc:postgresql:// URL");
        assertThatThrownBy(() -> PostgresAddress.parse("jdbc:postgresql://h:99999/db?ssl=true"))
                .hasMessage("'jdbc:postgresql://h:99999/db' has an invalid port '99999'");
        assertThatThrownBy(() -> PostgresAddress.parse("jdbc:postgresql:///db"))
                .hasMessageContaining("names no host");
    }
}
