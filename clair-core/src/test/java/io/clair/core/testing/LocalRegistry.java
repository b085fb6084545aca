package io.clair.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real Docker registry (Debian's {@code docker-registry}, distribution 2.8) on 127.0.0.1 and a free port, with
 * its storage in a temporary directory, for tests that resolve, push or pull images. Images get in with skopeo from
 * OCI layouts ({@link OciLayoutBuilder}, umoci); skopeo is also the oracle for reading them back.
 *
 * <pre>{@code
 * try (LocalRegistry reg = LocalRegistry.start()) {
 *     reg.push(layoutDir, "test/alpine:3.20", LocalRegistry.Format.OCI);
 *     byte[] raw = reg.inspectRaw("test/alpine:3.20");
 * }
 * }</pre>
 *
 * <p>Options: HTTP Basic auth from an htpasswd file ({@link Builder#htpasswd}); token auth against a
 * {@link RegistryTokenServer} ({@link Builder#tokenAuth}); and blob redirects ({@link Builder#redirectBlobs}): the
 * registry's {@code redirect} storage middleware sends blob GETs to a second server on {@code localhost} that serves
 * the storage directory, as S3-backed registries redirect to S3. {@link #close()} stops everything and deletes the
 * storage ({@link #stop()} is the same). A missing tool fails with the package to install.
 */
public final class LocalRegistry implements AutoCloseable {
    /** The manifest format skopeo writes: OCI, or Docker schema 2 (and Docker manifest lists for indexes). */
    public enum Format {
        OCI("oci"), V2S2("v2s2");

        final String skopeo;

        Format(String skopeo) {
            this.skopeo = skopeo;
        }
    }

    private final Path dir;
    private final Process process;
    private final int port;
    private final String user;
    private final String password;
    private final RegistryStorageServer blobs;
    private final Thread reaper;

    private LocalRegistry(Path dir, Process process, int port, String user, String password,
                          RegistryStorageServer blobs) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.user = user;
        this.password = password;
        this.blobs = blobs;
        this.reaper = new Thread(process::destroyForcibly, "local-registry-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A registry without authentication. */
    public static LocalRegistry start() throws IOException, InterruptedException {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>}, the registry part of references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://" + host());
    }

    /** {@code 127.0.0.1:<port>/<nameTag>}, e.g. for {@code test/alpine:3.20} or {@code test/alpine@sha256:...}. */
    public String reference(String nameTag) {
        return host() + "/" + nameTag;
    }

    /** The registry's storage root (its filesystem driver's {@code rootdirectory}). */
    public Path storage() {
        return dir.resolve("data");
    }

    /** Pushes the only image (or index) of an OCI layout as {@code nameTag}. */
    public void push(Path ociLayout, String nameTag, Format format) throws IOException, InterruptedException {
        push(ociLayout, null, nameTag, format);
    }

    /**
     * Pushes the image or index tagged {@code layoutTag} in an OCI layout as {@code nameTag}, with every platform of
     * an index ({@code skopeo copy --all}).
     */
    public void push(Path ociLayout, String layoutTag, String nameTag, Format format)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "-q", "--all", "--format",
                format.skopeo, "--dest-tls-verify=false"));
        if (user != null) {
            cmd.add("--dest-creds=" + user + ":" + password);
        }
        cmd.add("oci:" + ociLayout + (layoutTag != null ? ":" + layoutTag : ""));
        cmd.add("docker://" + reference(nameTag));
        ExternalTool.run(cmd);
    }

    /** {@code skopeo inspect --raw}: the manifest or index bytes exactly as the registry serves them. */
    public byte[] inspectRaw(String nameTag) throws IOException, InterruptedException {
        return ExternalTool.run(skopeo("inspect", List.of("--raw"), "docker://" + reference(nameTag)));
    }

    /** {@code skopeo inspect [options]} as JSON text, e.g. with {@code --override-arch arm64}. */
    public String inspect(String nameTag, String... options) throws IOException, InterruptedException {
        return ExternalTool.runText(skopeo("inspect", List.of(options), "docker://" + reference(nameTag)));
    }

    /** {@code skopeo copy [options] docker://<nameTag> <destination>}, e.g. to {@code docker-archive:F:name:tag}. */
    public void copyOut(String nameTag, String destination, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = skopeo("copy", List.of(options), "docker://" + reference(nameTag));
        cmd.add(destination);
        ExternalTool.run(cmd);
    }

    /** Requests the blob server saw ({@code "GET /docker/... authorization=false"}); empty without redirects. */
    public List<String> blobRequests() {
        return blobs == null ? List.of() : blobs.requests();
    }

    /** A skopeo command reading from this registry: plain HTTP, and the registry's user when it has auth. */
    private List<String> skopeo(String subcommand, List<String> options, String source) {
        boolean copy = subcommand.equals("copy");
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy", subcommand));
        if (copy) {
            cmd.add("-q");
        }
        cmd.add(copy ? "--src-tls-verify=false" : "--tls-verify=false");
        if (user != null) {
            cmd.add((copy ? "--src-creds=" : "--creds=") + user + ":" + password);
        }
        cmd.addAll(options);
        cmd.add(source);
        return cmd;
    }

    /** Stops the registry (and the redirect target) and deletes its storage; same as {@link #close()}. */
    public void stop() throws IOException {
        close();
    }

    /** Stops the registry (and the redirect target) and deletes its storage. Idempotent. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
        if (blobs != null) {
            blobs.close();
        }
        deleteTree(dir);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Options; {@link #start()} launches the registry. */
    public static final class Builder {
        private String htUser;
        private String htPassword;
        private RegistryTokenServer tokens;
        private String tokenUser;
        private String tokenPassword;
        private boolean redirect;

        private Builder() {
        }

        /** HTTP Basic auth with one bcrypt htpasswd user (needs {@code htpasswd} from apache2-utils). */
        public Builder htpasswd(String user, String password) {
            this.htUser = user;
            this.htPassword = password;
            return this;
        }

        /** Token auth against {@code server}; pushes and skopeo reads use {@code user}, whom the server must know. */
        public Builder tokenAuth(RegistryTokenServer server, String user, String password) {
            this.tokens = server;
            this.tokenUser = user;
            this.tokenPassword = password;
            return this;
        }

        /** Blob GETs are redirected to a second server on {@code localhost} that serves the storage. */
        public Builder redirectBlobs() {
            this.redirect = true;
            return this;
        }

        public LocalRegistry start() throws IOException, InterruptedException {
            if (htUser != null && tokens != null) {
                throw new IllegalArgumentException("local registry: htpasswd and token auth are exclusive");
            }
            ExternalTool.require("docker-registry");
            Path dir = Files.createTempDirectory("clair-registry-");
            RegistryStorageServer blobs = null;
            try {
                StringBuilder auth = new StringBuilder();
                if (htUser != null) {
                    String line = ExternalTool.runText(List.of("htpasswd", "-Bbn", htUser, htPassword)).strip();
                    Files.writeString(dir.resolve("htpasswd"), line + "\n");
                    auth.append("auth:\n  htpasswd: {realm: clair-test, path: \"").append(dir.resolve("htpasswd"))
                            .append("\"}\n");
                } else if (tokens != null) {
                    auth.append("auth:\n  token: {realm: \"").append(tokens.realm()).append("\", service: ")
                            .append(RegistryTokenServer.SERVICE).append(", issuer: ")
                            .append(RegistryTokenServer.ISSUER).append(", rootcertbundle: \"")
                            .append(tokens.certificate()).append("\"}\n");
                }
                if (redirect) {
                    blobs = RegistryStorageServer.start(dir.resolve("data"));
                    auth.append("middleware:\n  storage:\n    - name: redirect\n      options: {baseurl: \"http://")
                            .append("localhost:").append(blobs.port()).append("/\"}\n");
                }
                String user = htUser != null ? htUser : tokenUser;
                String password = htUser != null ? htPassword : tokenPassword;
                return launch(dir, auth.toString(), user, password, blobs);
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (blobs != null) {
                    blobs.close();
                }
                deleteTree(dir);
                throw e;
            }
        }

        private static LocalRegistry launch(Path dir, String extra, String user, String password, RegistryStorageServer blobs)
                throws IOException, InterruptedException {
            String lastLog = "";
            for (int attempt = 0; attempt < 3; attempt++) {
                int port;
                try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                Path config = dir.resolve("config.yml");
                Files.writeString(config, "version: 0.1\nlog: {level: warn, accesslog: {disabled: true}}\n"
                        + "storage:\n  filesystem: {rootdirectory: \"" + dir.resolve("data") + "\"}\n"
                        + "  delete: {enabled: true}\n"
                        + "http: {addr: \"127.0.0.1:" + port + "\", secret: " + UUID.randomUUID() + "}\n" + extra);
                Path log = dir.resolve("registry.log");
                Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (awaitReady(p, port)) {
                    return new LocalRegistry(dir, p, port, user, password, blobs);
                }
                p.destroyForcibly().waitFor();
                lastLog = Files.readString(log, StandardCharsets.UTF_8);
                if (!lastLog.contains("address already in use")) {
                    break;
                }
            }
            throw new IllegalStateException("local registry: docker-registry did not start: " + lastLog);
        }

        /** Polls {@code /v2/} until the registry answers (200, or 401 with auth) or the process exits. */
        private static boolean awaitReady(Process p, int port) throws InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                    .timeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < 300 && p.isAlive(); i++) {
                try {
                    int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200 || status == 401) {
                        return true;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            return false;
        }
    }
}
