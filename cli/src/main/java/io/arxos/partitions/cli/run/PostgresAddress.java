package io.arxos.partitions.cli.run;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a database is, read from an inventory JDBC URL ({@code jdbc:postgresql://host:port/db?sslmode=...}) for
 * tools that speak libpq rather than JDBC, such as pg_dump.
 */
public record PostgresAddress(List<Host> hosts, String database, String sslMode) {

    static final int DEFAULT_PORT = 5432;
    private static final String PREFIX = "jdbc:postgresql://";

    /** One server of the URL (pgjdbc allows a comma-separated list for failover). */
    public record Host(String name, int port) {
    }

    public PostgresAddress {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(database, "database");
    }

    /** Parses the URL; the message names the URL without its query, which may carry settings but never a password. */
    public static PostgresAddress parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + display(jdbcUrl) + "' is not a " + PREFIX + " URL");
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("'" + display(jdbcUrl) + "' names no host");
        }
        List<Host> hosts = new ArrayList<>();
        for (String host : authority.split(",")) {
            hosts.add(host(host, jdbcUrl));
        }
        return new PostgresAddress(hosts, database, parameter(query, "sslmode"));
    }

    /** Hosts as libpq takes them: {@code h1,h2}. */
    public String hostList() {
        return String.join(",", hosts.stream().map(Host::name).toList());
    }

    /** Ports as libpq takes them: {@code p1,p2}, one per host. */
    public String portList() {
        return String.join(",", hosts.stream().map(h -> Integer.toString(h.port())).toList());
    }

    private static Host host(String text, String url) {
        String name = text;
        String port = null;
        if (text.startsWith("[")) {
            // IPv6 literal: [::1]:5432
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + display(url) + "' has an unclosed [ in its host");
            }
            name = text.substring(1, close);
            if (text.length() > close + 1 && text.charAt(close + 1) == ':') {
                port = text.substring(close + 2);
            }
        } else if (text.indexOf(':') >= 0) {
            name = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + display(url) + "' names an empty host");
        }
        return new Host(name, port == null || port.isEmpty() ? DEFAULT_PORT : port(port, url));
    }

    private static int port(String text, String url) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + display(url) + "' has an invalid port '" + text + "'");
        }
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String display(String url) {
        if (url == null) {
            return "null";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
