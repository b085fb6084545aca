package io.clair.core.image;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an image reference into the {@link io.clair.core.manifest.Manifest} Clair indexes: the facade over the
 * registry, OCI layout and docker-archive sources. Thread-safe; each {@link #resolve} call is independent.
 *
 * <pre>{@code
 * ImageResolver resolver = ImageResolver.builder(ImageResolver.newHttpClient())
 *         .dockerConfig(DockerConfig.loadDefault())
 *         .build();
 * try (ResolvedImage image = resolver.resolve("quay.io/org/app:1.0")) {
 *     indexer.index(image.manifest());
 * }
 * }</pre>
 *
 * <p>Registries are spoken to over HTTPS, except loopback hosts ({@code localhost}, {@code 127.0.0.0/8},
 * {@code [::1]}) and hosts marked {@linkplain Builder#insecure insecure}, which get plain HTTP. Credentials come from
 * {@link Builder#credentials} first, then from the {@link DockerConfig}; without either, access is anonymous (the
 * token service may still grant an anonymous pull token). Every failure is an {@link IOException} whose message
 * starts with the source ({@code "registry: "}, {@code "oci layout: "}, {@code "docker archive: "}) and names the
 * reference; malformed references are {@link IllegalArgumentException}s starting {@code "image reference: "}.
 */
public final class ImageResolver {
    /** How long one registry request may wait for its response headers. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final RegistrySource registry;
    private final OciLayoutSource ociLayout;
    private final DockerArchiveSource dockerArchive;

    private ImageResolver(Builder b) {
        Map<String, RegistryCredentials> explicit = Map.copyOf(b.credentials);
        DockerConfig config = b.dockerConfig;
        Set<String> insecure = Set.copyOf(b.insecure);
        this.registry = new RegistrySource(b.http, b.timeout, b.platform,
                host -> explicit.containsKey(DockerConfig.hostKey(host)) ? explicit.get(DockerConfig.hostKey(host))
                        : config.credentials(host).orElse(null),
                host -> insecure.contains(host.toLowerCase(Locale.ROOT)) || isLoopback(host));
        this.ociLayout = new OciLayoutSource(b.platform);
        this.dockerArchive = new DockerArchiveSource(b.tempDir);
    }

    /**
     * The HTTP client this package expects: it must not follow redirects itself, because blob redirects are
     * followed here so that registry credentials never reach another host.
     */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * @param http a client with {@link HttpClient.Redirect#NEVER}, e.g. {@link #newHttpClient()}
     * @throws IllegalArgumentException when {@code http} follows redirects
     */
    public static Builder builder(HttpClient http) {
        return new Builder(http);
    }

    /** Parses {@code reference} (see {@link ImageReference}) and resolves it. */
    public ResolvedImage resolve(String reference) throws IOException {
        return resolve(ImageReference.parse(reference));
    }

    /** Resolves a parsed reference; the caller closes the result. */
    public ResolvedImage resolve(ImageReference reference) throws IOException {
        Objects.requireNonNull(reference, "reference");
        if (reference instanceof RegistryReference r) {
            return registry.resolve(r);
        }
        if (reference instanceof OciLayoutReference o) {
            return ociLayout.resolve(o);
        }
        return dockerArchive.resolve((DockerArchiveReference) reference);
    }

    static boolean isLoopback(String registry) {
        String host = registry.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host.startsWith("[::1]");
        }
        int colon = host.indexOf(':');
        host = colon < 0 ? host : host.substring(0, colon);
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}");
    }

    /** Options of an {@link ImageResolver}; every one has a default. */
    public static final class Builder {
        private final HttpClient http;
        private Platform platform = Platform.LINUX_AMD64;
        private Duration timeout = DEFAULT_TIMEOUT;
        private final Map<String, RegistryCredentials> credentials = new HashMap<>();
        private DockerConfig dockerConfig = DockerConfig.empty();
        private final Set<String> insecure = new HashSet<>();
        private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            if (http.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalArgumentException("image: the HttpClient must not follow redirects (use"
                        + " HttpClient.Redirect.NEVER, e.g. ImageResolver.newHttpClient()); blob redirects are"
                        + " followed here so that credentials are not sent to another host");
            }
        }

        /** The platform picked from multi-platform images; default {@code linux/amd64}. */
        public Builder platform(Platform p) {
            this.platform = Objects.requireNonNull(p, "platform");
            return this;
        }

        /** The response timeout of each registry request; default {@link #DEFAULT_TIMEOUT}. */
        public Builder requestTimeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        /** Credentials for one registry, as written in references ({@code docker.io}, {@code host:port}). */
        public Builder credentials(String registry, RegistryCredentials c) {
            credentials.put(DockerConfig.hostKey(registry), Objects.requireNonNull(c, "credentials"));
            return this;
        }

        /** Where credentials not given explicitly come from; default none ({@link DockerConfig#empty()}). */
        public Builder dockerConfig(DockerConfig c) {
            this.dockerConfig = Objects.requireNonNull(c, "dockerConfig");
            return this;
        }

        /** Speak plain HTTP to this registry ({@code host[:port]}); loopback registries always are. */
        public Builder insecure(String registry) {
            insecure.add(registry.toLowerCase(Locale.ROOT));
            return this;
        }

        /** Where docker-archive layers are extracted; default {@code java.io.tmpdir}. */
        public Builder tempDir(Path dir) {
            this.tempDir = Objects.requireNonNull(dir, "tempDir");
            return this;
        }

        public ImageResolver build() {
            return new ImageResolver(this);
        }
    }
}
