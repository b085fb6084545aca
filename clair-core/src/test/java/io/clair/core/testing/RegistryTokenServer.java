package io.clair.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker token service for {@link LocalRegistry}'s {@code auth: token} mode: the registry (the real
 * docker-registry) sends clients here with a {@code Bearer} challenge and verifies the RS256 JWTs issued here
 * against the certificate this server generates with the JDK's {@code keytool}.
 *
 * <p>Speaks the protocol Docker clients use: {@code GET /token?service=&scope=} anonymous or with HTTP Basic, and
 * {@code POST /token} with {@code grant_type=password} or {@code refresh_token} (identity tokens). Known users get
 * every action they ask for; anonymous clients get {@code pull} on repositories under the public prefixes and an
 * empty grant elsewhere (as Docker Hub does); wrong credentials get {@code 401}. Every request is recorded in
 * {@link #requests()} as {@code "GET user=alice scope=repository:x:pull"}.
 */
public final class RegistryTokenServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String SERVICE = "clair-test-registry";
    public static final String ISSUER = "clair-test-token-issuer";

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate cert;
    private final Path certPem;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> publicPrefixes = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private RegistryTokenServer(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("token-signer.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias",
                "signer", "-dname", "CN=" + ISSUER, "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("token server: keytool failed: " + out);
        }
        try (var in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "changeit".toCharArray());
            key = (PrivateKey) ks.getKey("signer", "changeit".toCharArray());
            cert = (X509Certificate) ks.getCertificate("signer");
            certPem = dir.resolve("token-signer.pem");
            Files.writeString(certPem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                    cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("token server: cannot load the generated key: " + e.getMessage(), e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** Generates a signing key and certificate under {@code dir} and starts serving on a free loopback port. */
    public static RegistryTokenServer start(Path dir) throws IOException, InterruptedException {
        return new RegistryTokenServer(dir);
    }

    /** Accepts {@code name}/{@code password} (Basic on GET, or the password grant). */
    public RegistryTokenServer user(String name, String password) {
        users.put(name, password);
        return this;
    }

    /** Accepts {@code token} as an identity (refresh) token of {@code user}. */
    public RegistryTokenServer refreshToken(String token, String user) {
        refreshTokens.put(token, user);
        return this;
    }

    /** Lets anonymous clients pull repositories whose name starts with {@code prefix}. */
    public RegistryTokenServer anonymousPull(String prefix) {
        publicPrefixes.add(prefix);
        return this;
    }

    public URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** The PEM certificate the registry's {@code rootcertbundle} must name. */
    public Path certificate() {
        return certPem;
    }

    /** The requests served so far, e.g. {@code "GET user=alice scope=repository:x:pull"}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> params = new java.util.HashMap<>();
            parse(ex.getRequestURI().getRawQuery(), params);
            if (ex.getRequestMethod().equals("POST")) {
                parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
            }
            Caller caller = authenticate(ex, params);
            List<String> scopes = params.getOrDefault("scope", List.of());
            requests.add(ex.getRequestMethod() + " " + caller + " scope=" + String.join(" ", scopes)
                    + (params.containsKey("grant_type") ? " grant=" + params.get("grant_type").get(0) : ""));
            if (caller.denied()) {
                reply(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid credentials\"}]}");
                return;
            }
            String token = jwt(caller.user(), scopes);
            reply(ex, 200, JSON.writeValueAsString(Map.of("token", token, "access_token", token, "expires_in", 300,
                    "issued_at", Instant.now().toString())));
        }
    }

    /** Who asked: a user, anonymous (user null), or someone whose credentials were wrong. */
    private record Caller(String user, boolean denied) {
        static final Caller ANONYMOUS = new Caller(null, false);
        static final Caller DENIED = new Caller(null, true);

        @Override
        public String toString() {
            return denied ? "denied" : user == null ? "anonymous" : "user=" + user;
        }
    }

    private Caller authenticate(HttpExchange ex, Map<String, List<String>> params) {
        String grant = first(params, "grant_type");
        if ("refresh_token".equals(grant)) {
            String u = refreshTokens.get(first(params, "refresh_token"));
            return u != null ? new Caller(u, false) : Caller.DENIED;
        }
        if ("password".equals(grant)) {
            return check(first(params, "username"), first(params, "password"));
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Caller.ANONYMOUS;
        }
        if (!header.startsWith("Basic ")) {
            return Caller.DENIED;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Caller.DENIED;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Caller.DENIED : check(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private Caller check(String user, String password) {
        return user != null && password != null && password.equals(users.get(user)) ? new Caller(user, false)
                : Caller.DENIED;
    }

    private String jwt(String user, List<String> scopes) throws IOException {
        try {
            ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
            header.putArray("x5c").add(Base64.getEncoder().encodeToString(cert.getEncoded()));
            long now = Instant.now().getEpochSecond();
            ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", user == null ? "" : user)
                    .put("aud", SERVICE).put("exp", now + 300).put("nbf", now - 10).put("iat", now)
                    .put("jti", UUID.randomUUID().toString());
            ArrayNode access = claims.putArray("access");
            for (String scope : scopes) {
                String[] parts = scope.split(":");
                if (parts.length != 3) {
                    continue;
                }
                List<String> granted = new ArrayList<>();
                for (String action : parts[2].split(",")) {
                    if (user != null || (action.equals("pull")
                            && publicPrefixes.stream().anyMatch(parts[1]::startsWith))) {
                        granted.add(action);
                    }
                }
                ObjectNode a = access.addObject().put("type", parts[0]).put("name", parts[1]);
                granted.forEach(a.putArray("actions")::add);
            }
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("token server: signing failed: " + e.getMessage(), e);
        }
    }

    private static void parse(String query, Map<String, List<String>> into) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
