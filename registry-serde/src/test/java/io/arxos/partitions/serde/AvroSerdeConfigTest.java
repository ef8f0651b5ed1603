package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void requiresTheRegistryUrl() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of("bootstrap.servers", "localhost:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required configuration \"schema.registry.url\"");
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, " , ")))
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void usesConfluentDefaults() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Samples.config("http://registry:8081"));

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.credentialsSource()).isEqualTo(BasicAuthCredentialsSource.URL);
        assertThat(config.requestTimeout()).isEqualTo(AvroSerdeConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void readsFlagsAndTimeoutFromStringsAsInPropertiesFiles() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Samples.config("http://registry:8081",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
                AvroSerdeConfig.USE_LATEST_VERSION, " TRUE ",
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true,
                AvroSerdeConfig.REQUEST_TIMEOUT_MS, "2500"));

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void rejectsAFlagThatIsNotABooleanNamingPropertyAndValue() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas")
                .hasMessageContaining("yes");
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.REQUEST_TIMEOUT_MS, "0")))
                .hasMessageContaining("schema.registry.request.timeout.ms");
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.REQUEST_TIMEOUT_MS, "soon")))
                .hasMessageContaining("soon");
    }

    @Test
    void splitsACommaSeparatedUrlListAndKeepsTheBasePath() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Samples.config(
                " http://a:8081/apis/ccompat/v7/ , https://b:8443"));

        assertThat(config.endpoints()).map(e -> e.baseUri().toString())
                .containsExactly("http://a:8081/apis/ccompat/v7", "https://b:8443");
    }

    @Test
    void acceptsTheUrlsAsAListAsKafkaPassesListTypedConfigs() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                List.of("http://a:8081", "http://b:8081")));

        assertThat(config.endpoints()).map(e -> e.baseUri().toString())
                .containsExactly("http://a:8081", "http://b:8081");
    }

    @Test
    void rejectsUrlsWithoutHttpSchemeWithoutEchoingCredentials() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("ftp://alice:s3cret@registry:21")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ftp://***@registry:21")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://alice:s3cret@reg istry:8081")))
                .hasMessageContaining("not a valid URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void userInfoSourceNeedsUserInfoAndNeverEchoesIt() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "justapassword")))
                .hasMessageContaining("has no ':'")
                .hasMessageNotContaining("justapassword");
    }

    @Test
    void rejectsAnUnsupportedCredentialsSourceNamingIt() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SASL_INHERIT")
                .hasMessageContaining("[URL, USER_INFO]");
    }

    @Test
    void acceptsConfluentsDeprecatedUserInfoName() {
        AvroSerdeConfig config = AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "user_info",
                AvroSerdeConfig.LEGACY_BASIC_AUTH_USER_INFO, "alice:s3cret"));

        assertThat(config.endpoints().get(0).authorization()).isPresent();
    }

    @Test
    void toStringShowsNoCredentials() {
        AvroSerdeConfig fromUserInfo = AvroSerdeConfig.parse(Samples.config("http://r:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret"));
        AvroSerdeConfig fromUrl = AvroSerdeConfig.parse(Samples.config("http://bob:hunter2@r:8081/apis"));

        assertThat(fromUserInfo.toString()).contains("http://r:8081 (basic auth)")
                .doesNotContain("alice").doesNotContain("s3cret");
        assertThat(fromUrl.toString()).contains("http://r:8081/apis (basic auth)")
                .doesNotContain("bob").doesNotContain("hunter2");
    }
}
