package io.arxos.partitions.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A scripted HTTP server on 127.0.0.1 that records requests, to test the REST client without a registry. */
final class FakeRegistryServer implements AutoCloseable {

    /** One request as the server saw it; the path is raw, i.e. still percent-encoded. */
    record Request(String method, String rawPath, String rawQuery, String authorization, String contentType,
            String body) {
    }

    private record Reply(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    private FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-registry");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static FakeRegistryServer start() {
        try {
            return new FakeRegistryServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code method rawPath} with {@code status} and a JSON (or other) body. */
    FakeRegistryServer reply(String method, String rawPath, int status, String body) {
        replies.put(method + " " + rawPath, new Reply(status, body, 0));
        return this;
    }

    /** Answers after {@code delayMillis}, to provoke client timeouts. */
    FakeRegistryServer replySlowly(String method, String rawPath, long delayMillis) {
        replies.put(method + " " + rawPath, new Reply(200, "{}", delayMillis));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    /** A local port nothing listens on, for connection failures. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + path,
                new Reply(500, "{\"error_code\":50001,\"message\":\"no reply scripted\"}", 0));
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
