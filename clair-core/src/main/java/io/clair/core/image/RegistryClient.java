package io.clair.core.image;

import io.clair.core.manifest.Digest;
import io.clair.core.manifest.LayerDescriptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One repository on one registry, carrying the authentication state of one resolution. Every request that gets a
 * {@code 401} answers the challenge once (a Bearer token from the token service, or Basic credentials) and is sent
 * again; the {@code Authorization} value is then reused for the following requests and handed to the layer
 * descriptors, as {@code clairctl manifest} does.
 */
final class RegistryClient {
    private static final Logger log = LoggerFactory.getLogger(RegistryClient.class);
    private static final int MAX_REDIRECTS = 10;

    /** A manifest or index as the registry sent it, with its digest. */
    record Fetched(byte[] bytes, String contentType, Digest digest) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final RegistryReference ref;
    private final URI base;
    private final boolean plainHttp;
    private final RegistryCredentials credentials;
    private String authorization;

    RegistryClient(HttpClient http, Duration timeout, RegistryReference ref, boolean plainHttp,
                   RegistryCredentials credentials) {
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.ref = Objects.requireNonNull(ref, "ref");
        this.plainHttp = plainHttp;
        this.base = URI.create((plainHttp ? "http://" : "https://") + ref.apiHost());
        this.credentials = credentials;
    }

    /**
     * Fetches {@code /v2/<repo>/manifests/<reference>} accepting both image and both index formats. The digest is
     * the {@code Docker-Content-Digest} header when present, else the SHA-256 of the bytes; a manifest fetched by
     * digest must hash to that digest.
     */
    Fetched manifest(String reference) throws IOException {
        URI uri = base.resolve("/v2/" + ref.repository() + "/manifests/" + reference);
        String what = ref.registry() + "/" + ref.repository() + (reference.contains(":") ? "@" : ":") + reference;
        RegistryHttp.Response res = get(uri, Map.of("Accept", MediaTypes.ACCEPT_MANIFESTS), true, what);
        if (res.statusCode() != 200) {
            throw statusError(res, what);
        }
        byte[] bytes = res.body();
        Digest digest = Digest.of("sha256", bytes);
        String header = res.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (header != null && !header.isBlank()) {
            Digest claimed = parseDigest(header.strip(), what);
            if (!claimed.equals(Digest.of(claimed.algorithm(), bytes))) {
                throw new IOException("registry: manifest of " + what + " does not match its Docker-Content-Digest "
                        + claimed);
            }
            digest = claimed;
        }
        if (reference.contains(":")) {
            Digest asked = parseDigest(reference, what);
            if (!asked.equals(Digest.of(asked.algorithm(), bytes))) {
                throw new IOException("registry: manifest fetched as " + what + " has another digest");
            }
            digest = asked;
        }
        String contentType = res.headers().firstValue("Content-Type").orElse(null);
        log.atDebug().addKeyValue("reference", what).addKeyValue("digest", digest)
                .addKeyValue("contentType", contentType).addKeyValue("bytes", bytes.length)
                .log("registry: fetched manifest");
        return new Fetched(bytes, contentType, digest);
    }

    /**
     * Where the fetcher can read a layer blob: {@code GET /v2/<repo>/blobs/<digest>} with {@code Range: bytes=0-0},
     * following redirects (object stores such as S3) to the final URL. The {@code Authorization} header belongs to
     * the registry, so it is recorded only when the final URL is still on the registry's origin.
     */
    LayerDescriptor locate(Descriptor layer) throws IOException {
        URI uri = base.resolve("/v2/" + ref.repository() + "/blobs/" + layer.digest());
        String what = "layer " + layer.digest() + " of " + ref.canonical();
        for (int hop = 0; ; hop++) {
            boolean atRegistry = sameOrigin(uri, base);
            RegistryHttp.Response res = atRegistry ? get(uri, Map.of("Range", "bytes=0-0"), false, what)
                    : RegistryHttp.head(http, request(uri).header("Range", "bytes=0-0").build(), what);
            int s = res.statusCode();
            if (s >= 300 && s < 400 && s != 304) {
                String location = res.headers().firstValue("Location").orElse(null);
                if (location == null || hop >= MAX_REDIRECTS) {
                    throw new IOException("registry: " + what + ": " + (location == null
                            ? "redirect " + s + " without a Location" : "more than " + MAX_REDIRECTS + " redirects"));
                }
                uri = uri.resolve(location);
                continue;
            }
            if (s == 200 || s == 206 || s == 416) { // 416: an empty blob exists but has no byte 0
                Map<String, List<String>> headers = atRegistry && authorization != null
                        ? Map.of("Authorization", List.of(authorization)) : Map.of();
                log.atDebug().addKeyValue("layer", layer.digest()).addKeyValue("uri", uri)
                        .addKeyValue("redirected", hop > 0).log("registry: located layer");
                return new LayerDescriptor(layer.digest(), uri, headers, layer.mediaType());
            }
            if (s == 404) {
                throw new IOException("registry: " + what + " is missing from the registry (404"
                        + RegistryHttp.errorDetail(res.body()) + ")");
            }
            throw statusError(res, what);
        }
    }

    private RegistryHttp.Response get(URI uri, Map<String, String> headers, boolean readBody, String what)
            throws IOException {
        RegistryHttp.Response res = sendOnce(uri, headers, readBody, what);
        if (res.statusCode() != 401) {
            return res;
        }
        authenticate(res, what);
        res = sendOnce(uri, headers, readBody, what);
        if (res.statusCode() == 401) {
            throw new IOException(credentials == null
                    ? "registry: " + ref.registry() + " denied anonymous access to " + ref.repository() + " (401"
                            + RegistryHttp.errorDetail(res.body()) + "); configure credentials for " + ref.registry()
                    : "registry: " + ref.registry() + " rejected the credentials of " + credentials.who() + " for "
                            + ref.repository() + " (401" + RegistryHttp.errorDetail(res.body()) + ")");
        }
        return res;
    }

    private RegistryHttp.Response sendOnce(URI uri, Map<String, String> headers, boolean readBody, String what)
            throws IOException {
        HttpRequest.Builder b = request(uri);
        headers.forEach(b::header);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        // a blob request may stream the whole layer if the server ignores Range: never read it
        return readBody ? RegistryHttp.send(http, b.build(), what) : RegistryHttp.head(http, b.build(), what);
    }

    private void authenticate(RegistryHttp.Response res, String what) throws IOException {
        AuthChallenge bearer = null;
        AuthChallenge basic = null;
        for (String header : res.headers().allValues("WWW-Authenticate")) {
            for (AuthChallenge c : AuthChallenge.parse(header)) {
                bearer = bearer == null && c.scheme().equals("bearer") ? c : bearer;
                basic = basic == null && c.scheme().equals("basic") ? c : basic;
            }
        }
        if (bearer != null) {
            String scope = "repository:" + ref.repository() + ":pull";
            authorization = "Bearer " + TokenService.fetch(http, timeout, ref.registry(), bearer, scope, credentials,
                    plainHttp);
        } else if (basic != null) {
            if (credentials == null || !credentials.hasPassword()) {
                throw new IOException("registry: " + ref.registry() + " requires a user name and password (Basic"
                        + " auth) for " + what + ", and none are configured for " + ref.registry());
            }
            authorization = credentials.basicAuthorization();
        } else {
            throw new IOException("registry: " + ref.registry() + " answered 401 for " + what
                    + " without a Bearer or Basic challenge");
        }
        log.atDebug().addKeyValue("registry", ref.registry()).addKeyValue("scheme", bearer != null ? "bearer" : "basic")
                .addKeyValue("anonymous", credentials == null).log("registry: authenticated");
    }

    private IOException statusError(RegistryHttp.Response res, String what) {
        String detail = RegistryHttp.errorDetail(res.body());
        return switch (res.statusCode()) {
            case 404 -> new IOException("registry: " + what + " not found (404" + detail + ")");
            case 403 -> new IOException("registry: " + ref.registry() + " denied access to " + what + " (403"
                    + detail + ")");
            default -> new IOException("registry: GET " + res.uri() + " for " + what + " returned "
                    + res.statusCode() + detail);
        };
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).GET();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Digest parseDigest(String text, String what) throws IOException {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("registry: " + what + ": " + e.getMessage(), e);
        }
    }
}
