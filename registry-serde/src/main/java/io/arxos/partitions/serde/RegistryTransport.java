package io.arxos.partitions.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one Confluent REST call, trying each registry URL in turn on connection failure, and maps error answers
 * to {@link SchemaRegistryException}. Credentials travel only in the Authorization header.
 */
final class RegistryTransport {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, "
            + "application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(RegistryTransport.class.getName());

    private final List<RegistryEndpoint> endpoints;
    private final Duration timeout;
    private final HttpClient http;
    /** The endpoint that answered last: start there so a dead first URL does not cost a timeout per call. */
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryTransport(List<RegistryEndpoint> endpoints, Duration timeout) {
        this.endpoints = List.copyOf(endpoints);
        this.timeout = timeout;
        // HTTP/1.1: the JDK's default h2c upgrade attempt on plain http confuses some proxies and registries
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(toJson(body));
        int start = preferred.get();
        IOException lastFailure = null;
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (start + attempt) % endpoints.size();
            RegistryEndpoint endpoint = endpoints.get(index);
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout)
                    .header("Accept", ACCEPT).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            endpoint.authorization().ifPresent(value -> request.header("Authorization", value));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                preferred.set(index);
                return answer(method, endpoint.resolve(path).toString(), response);
            } catch (IOException e) {
                lastFailure = e;
                if (endpoints.size() > 1) {
                    LOG.log(System.Logger.Level.WARNING, "schema registry {0} failed ({1}); trying the next URL",
                            endpoint.baseUri(), SchemaRegistryException.describe(e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry at "
                        + endpoint.baseUri(), 0, -1, e);
            }
        }
        List<String> urls = endpoints.stream().map(e -> e.baseUri().toString()).toList();
        String what = method + " " + path + (lastFailure instanceof HttpTimeoutException
                ? " timed out after " + timeout.toMillis() + " ms" : "");
        throw SchemaRegistryException.unreachable(what, urls, lastFailure);
    }

    private static JsonNode answer(String method, String url, HttpResponse<String> response) {
        String text = response.body() == null ? "" : response.body();
        JsonNode json = parse(text);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new SchemaRegistryException("schema registry " + method + " " + url
                        + " answered HTTP " + status + " with a body that is not JSON: " + abbreviate(text),
                        status, -1, null);
            }
            return json;
        }
        int errorCode = json != null && json.hasNonNull("error_code") ? json.get("error_code").asInt() : -1;
        String message = json != null && json.hasNonNull("message") ? json.get("message").asText() : abbreviate(text);
        throw SchemaRegistryException.httpError(method, url, status, errorCode, message);
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body as JSON", e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    List<RegistryEndpoint> endpoints() {
        return endpoints;
    }
}
