package io.arxos.partitions.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final String V1_JSON = new ObjectMapper().createObjectNode()
            .put("schema", Samples.SAMPLE_V1.toString()).toString();

    private final FakeRegistryServer server = FakeRegistryServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void registersUnderTheSubjectBelowTheBasePathWithConfluentsContentType() throws Exception {
        server.reply("POST", "/apis/ccompat/v7/subjects/orders-value/versions", 200, "{\"id\":42}");
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(server.url() + "/apis/ccompat/v7/");

        assertThat(client.register("orders-value", Samples.SAMPLE_V1)).isEqualTo(42);

        FakeRegistryServer.Request request = server.requests().get(0);
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(request.body()).get("schema").asText())
                .isEqualTo(Samples.SAMPLE_V1.toString());
    }

    @Test
    void cachesIdsAndSchemasBecauseTheyNeverChange() {
        server.reply("POST", "/subjects/orders-value/versions", 200, "{\"id\":42}")
                .reply("GET", "/schemas/ids/5", 200, V1_JSON);
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(server.url());

        client.register("orders-value", Samples.SAMPLE_V1);
        client.register("orders-value", Samples.SAMPLE_V1);
        assertThat(client.getId("orders-value", Samples.SAMPLE_V1)).isEqualTo(42);
        assertThat(client.getSchemaById(42)).isEqualTo(Samples.SAMPLE_V1);
        assertThat(client.getSchemaById(5)).isEqualTo(Samples.SAMPLE_V1);
        assertThat(client.getSchemaById(5)).isEqualTo(Samples.SAMPLE_V1);

        assertThat(server.requests()).map(FakeRegistryServer.Request::rawPath)
                .containsExactly("/subjects/orders-value/versions", "/schemas/ids/5");
    }

    @Test
    void threadsRegisteringTheSameNewSchemaAtOncePostItOnlyOnce() throws Exception {
        server.reply("POST", "/subjects/orders-value/versions", 200, "{\"id\":42}");
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(server.url());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(threads.submit(() -> {
                    start.await();
                    return client.register("orders-value", Samples.SAMPLE_V1);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> id : ids) {
                assertThat(id.get()).isEqualTo(42);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(server.requests()).as("a registry backed by a database fails racing registrations")
                .hasSize(1);
    }

    @Test
    void encodesTheSubjectAsOnePathSegment() {
        server.reply("POST", "/subjects/a%2Fb%20c%2B", 200, "{\"id\":3,\"version\":1}");

        RestSchemaRegistryClient.forUrl(server.url()).getId("a/b c+", Samples.SAMPLE_V1);

        assertThat(server.requests().get(0).rawPath()).isEqualTo("/subjects/a%2Fb%20c%2B");
    }

    @Test
    void readsLatestVersionSubjectsAndCompatibility() {
        server.reply("GET", "/subjects/orders-value/versions/latest", 200,
                "{\"subject\":\"orders-value\",\"id\":9,\"version\":3,\"schema\":"
                        + new ObjectMapper().valueToTree(Samples.SAMPLE_V1.toString()) + "}")
                .reply("GET", "/subjects", 200, "[\"orders-value\",\"orders-key\"]")
                .reply("PUT", "/config/orders-value", 200, "{\"compatibility\":\"BACKWARD\"}")
                .reply("GET", "/config/orders-value", 200, "{\"compatibilityLevel\":\"FULL\"}");
        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(server.url());

        assertThat(client.getLatestSchemaMetadata("orders-value"))
                .isEqualTo(new RegisteredSchema("orders-value", 9, 3, Samples.SAMPLE_V1));
        assertThat(client.getAllSubjects()).containsExactly("orders-value", "orders-key");
        assertThat(client.updateCompatibility("orders-value", "BACKWARD")).isEqualTo("BACKWARD");
        assertThat(client.getCompatibility("orders-value")).isEqualTo("FULL");
        assertThat(server.requests().get(2).body()).isEqualTo("{\"compatibility\":\"BACKWARD\"}");
        assertThat(server.requests().get(3).rawQuery()).isEqualTo("defaultToGlobal=true");
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        server.reply("GET", "/subjects", 200, "[]");
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(AvroSerdeConfig.parse(Samples.config(
                server.url(), AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret")));

        client.getAllSubjects();

        assertThat(server.requests().get(0).authorization()).isEqualTo(basic("alice:s3cret"));
    }

    @Test
    void sendsBasicAuthFromTheUrlsUserInfoDecoded() {
        server.reply("GET", "/subjects", 200, "[]");
        String url = server.url().replace("://", "://bob:p%40ss@");

        RestSchemaRegistryClient.forUrl(url).getAllSubjects();

        assertThat(server.requests().get(0).authorization()).isEqualTo(basic("bob:p@ss"));
    }

    @Test
    void sendsNoAuthorizationWithoutCredentials() {
        server.reply("GET", "/subjects", 200, "[]");

        RestSchemaRegistryClient.forUrl(server.url()).getAllSubjects();

        assertThat(server.requests().get(0).authorization()).isNull();
    }

    @Test
    void errorNamesUrlStatusAndRegistryErrorButNoCredentials() {
        server.reply("GET", "/schemas/ids/9", 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        String url = server.url().replace("://", "://bob:hunter2@");

        assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(url).getSchemaById(9))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.isNotFound()).isTrue();
                })
                .hasMessage("schema registry GET " + server.url() + "/schemas/ids/9 failed with HTTP 404 error_code"
                        + " 40403: Schema not found")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void reportsNonJsonErrorBodiesAsText() {
        server.reply("GET", "/subjects", 502, "<html><body>Bad gateway</body></html>");

        assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(server.url()).getAllSubjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(-1))
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("Bad gateway");
    }

    @Test
    void saysNotReachableNamingTheUrlWithoutCredentials() {
        String clean = "http://127.0.0.1:" + FakeRegistryServer.closedPort() + "/apis/ccompat/v7";
        String url = clean.replace("://", "://carol:t0ps3cret@");

        assertThatThrownBy(() -> RestSchemaRegistryClient.forUrl(url).getSchemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero())
                .hasMessageStartingWith("schema registry not reachable at " + clean)
                .hasMessageContaining("GET /schemas/ids/1")
                .hasMessageNotContaining("carol")
                .hasMessageNotContaining("t0ps3cret");
    }

    @Test
    void triesTheNextUrlWhenOneIsNotReachable() {
        server.reply("GET", "/subjects", 200, "[\"s\"]");
        String dead = "http://127.0.0.1:" + FakeRegistryServer.closedPort();

        RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(dead + "," + server.url());

        assertThat(client.getAllSubjects()).containsExactly("s");
        assertThat(client.getAllSubjects()).containsExactly("s");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void givesUpAfterTheRequestTimeout() {
        server.replySlowly("GET", "/subjects", 3_000);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(AvroSerdeConfig.parse(Samples.config(
                server.url(), AvroSerdeConfig.REQUEST_TIMEOUT_MS, 200)));

        assertThatThrownBy(client::getAllSubjects)
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not reachable at " + server.url())
                .hasMessageContaining("timed out after 200 ms");
    }

    @Test
    void toStringShowsUrlsButNoCredentials() {
        String url = server.url().replace("://", "://bob:hunter2@");

        assertThat(RestSchemaRegistryClient.forUrl(url).toString())
                .contains(server.url())
                .doesNotContain("bob")
                .doesNotContain("hunter2");
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
