package io.clair.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry credentials from a Docker client configuration ({@code ~/.docker/config.json}, also the format of
 * Podman's and skopeo's {@code auth.json}).
 *
 * <p>Reads {@code auths.<registry>}: {@code auth} (base64 of {@code user:password}), or {@code username} and
 * {@code password}, and {@code identitytoken}. Keys are matched by host and port, ignoring scheme and path, so
 * {@code https://index.docker.io/v1/} is Docker Hub. Credential helpers ({@code credsStore}, {@code credHelpers})
 * are not run; a registry that only has one is logged and treated as anonymous.
 */
public final class DockerConfig {
    private static final Logger log = LoggerFactory.getLogger(DockerConfig.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path source;
    private final Map<String, RegistryCredentials> auths;
    private final Map<String, String> helpers;

    private DockerConfig(Path source, Map<String, RegistryCredentials> auths, Map<String, String> helpers) {
        this.source = source;
        this.auths = Map.copyOf(auths);
        this.helpers = Map.copyOf(helpers);
    }

    /** A configuration with no credentials. */
    public static DockerConfig empty() {
        return new DockerConfig(null, Map.of(), Map.of());
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; empty when the file does not exist. */
    public static DockerConfig loadDefault() throws IOException {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null && !dir.isBlank() ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return load(file);
    }

    /**
     * Reads {@code file}; a missing file is an empty configuration.
     *
     * @throws IOException when the file exists but is not a valid configuration
     */
    public static DockerConfig load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new DockerConfig(file, Map.of(), Map.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException("docker config: " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        Map<String, RegistryCredentials> auths = new LinkedHashMap<>();
        var it = root.path("auths").fields();
        while (it.hasNext()) {
            var e = it.next();
            RegistryCredentials c = credentials(file, e.getKey(), e.getValue());
            if (c != null) {
                auths.put(hostKey(e.getKey()), c);
            }
        }
        Map<String, String> helpers = new LinkedHashMap<>();
        root.path("credHelpers").fields()
                .forEachRemaining(e -> helpers.put(hostKey(e.getKey()), e.getValue().asText()));
        if (root.hasNonNull("credsStore")) {
            helpers.put("*", root.get("credsStore").asText());
        }
        return new DockerConfig(file, auths, helpers);
    }

    /** The credentials stored for {@code registry} (as written in references: {@code docker.io}, {@code host:port}). */
    public Optional<RegistryCredentials> credentials(String registry) {
        String key = hostKey(registry);
        RegistryCredentials c = auths.get(key);
        if (c == null) {
            String helper = helpers.getOrDefault(key, helpers.get("*"));
            if (helper != null) {
                log.atWarn().addKeyValue("registry", registry).addKeyValue("helper", helper)
                        .addKeyValue("config", source)
                        .log("docker config: credential helpers are not supported; using anonymous access");
            }
        }
        return Optional.ofNullable(c);
    }

    private static RegistryCredentials credentials(Path file, String key, JsonNode entry) throws IOException {
        String identity = text(entry, "identitytoken");
        if (identity != null) {
            return RegistryCredentials.identityToken(identity);
        }
        String auth = text(entry, "auth");
        if (auth != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException("docker config: " + file + ": auths." + key + ".auth is not base64", e);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IOException("docker config: " + file + ": auths." + key + ".auth is not user:password");
            }
            return RegistryCredentials.basic(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        String user = text(entry, "username");
        String password = text(entry, "password");
        return user != null && password != null ? RegistryCredentials.basic(user, password) : null;
    }

    /** {@code https://index.docker.io/v1/} and {@code docker.io} become {@code docker.io}; others host[:port]. */
    static String hostKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        return switch (k) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> RegistryReference.DOCKER_HUB;
            default -> k;
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
    }
}
