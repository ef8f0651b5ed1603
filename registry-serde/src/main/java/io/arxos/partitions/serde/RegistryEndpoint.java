package io.arxos.partitions.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * One entry of {@code schema.registry.url}: the base URL with any credentials removed, plus the basic-auth header
 * to send. Credentials live only in the header value, so nothing that prints an endpoint or a request URL can
 * leak them.
 */
public final class RegistryEndpoint {

    private static final Pattern USER_INFO_IN_URL = Pattern.compile("(?<=//)[^/@?#]*@");

    private final URI baseUri;
    private final String authorization;

    private RegistryEndpoint(URI baseUri, String authorization) {
        this.baseUri = baseUri;
        this.authorization = authorization;
    }

    static RegistryEndpoint parse(String rawUrl, BasicAuthCredentialsSource source, String userInfo) {
        URI uri;
        try {
            uri = new URI(rawUrl.trim());
        } catch (URISyntaxException e) {
            // the parser's message repeats the input, which may hold a password: describe it ourselves
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, redact(rawUrl), "not a valid URL");
        }
        String scheme = uri.getScheme();
        String authority = uri.getRawAuthority();
        if (scheme == null || authority == null || !(scheme.equals("http") || scheme.equals("https")
                || scheme.equals(InMemorySchemaRegistryClient.MOCK_SCHEME))) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, redact(rawUrl),
                    "expected http://host:port[/path], https://… or mock://scope");
        }
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI base = URI.create(scheme + "://" + hostAndPort + path);
        String credentials = source == BasicAuthCredentialsSource.USER_INFO ? userInfo : uri.getUserInfo();
        return new RegistryEndpoint(base, credentials == null || credentials.isEmpty() ? null : basic(credentials));
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces any {@code user:password@} in URLs inside {@code text} with {@code ***@}. */
    public static String redact(String text) {
        return text == null ? null : USER_INFO_IN_URL.matcher(text).replaceAll("***@");
    }

    /** The base URL without credentials, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The full URL of an API path below the base; {@code pathAndQuery} starts with '/'. */
    URI resolve(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }

    /** The {@code Authorization} header value, if this endpoint has credentials. */
    Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    @Override
    public String toString() {
        return baseUri + (authorization == null ? "" : " (basic auth)");
    }
}
