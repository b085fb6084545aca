package io.clair.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged all-in-one server ({@code clair-all/target/quarkus-app}) running as its own process. */
final class ClairServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final String pskKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ClairServer(Process process, int port, String pskKey) {
        this.process = process;
        this.port = port;
        this.pskKey = pskKey;
    }

    static ClairServer start(Path projectRoot, String databaseUrl, String pskKey, Map<String, String> properties,
            Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx768m", "-Dquarkus.http.port=" + port,
                "-Dclair.auth.psk.key=" + pskKey, "-Dclair.auth.psk.iss=quay,clairctl"));
        properties.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(Processes.java(
                projectRoot.resolve("clair-all/target/quarkus-app/quarkus-run.jar").toString(), jvm, List.of()));
        pb.environment().put("CLAIR_DATABASE_URL", databaseUrl);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        ClairServer server = new ClairServer(pb.start(), port, pskKey);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitReady(log);
        return server;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    String token(String issuer) {
        return new PskSigner(PskKey.fromBase64(pskKey), issuer).authorizationHeader();
    }

    HttpResponse<String> get(String path, String issuer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url().resolve(path)).header("Authorization", token(issuer)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String issuer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url().resolve(path)).header("Authorization", token(issuer))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("e2e: clair-all exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url().resolve("/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("e2e: clair-all not ready in time; see " + log);
    }

    /** Starts an update run and waits until every listed updater has succeeded once. */
    void updateAndWait(List<String> updaters) throws IOException, InterruptedException {
        post("/api/v1/database/update", "", "clairctl");
        ObjectMapper json = new ObjectMapper();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            JsonNode db = json.readTree(get("/api/v1/database", "clairctl").body());
            last = db.toString();
            int ok = 0;
            for (JsonNode u : db.path("Updaters")) {
                if (updaters.contains(u.path("Name").asText()) && u.path("LastRunSucceeded").asBoolean()) {
                    ok++;
                }
            }
            if (ok == updaters.size() && !db.path("Updating").asBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("e2e: updaters did not all succeed: " + last);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
