package io.clair.ctl;

import io.clair.api.auth.PskKey;
import io.clair.api.auth.PskSigner;
import io.clair.api.client.ClairClient;
import io.clair.api.config.ClairConfigDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the Clair server is and how to sign for it: {@code --host} (env {@code CLAIR_API}, default
 * {@code http://localhost:6060/}) and the PSK from {@code --psk-key} or the config file's {@code auth.psk.key}.
 */
final class ServerOptions {
    static final String DEFAULT_HOST = "http://localhost:6060/";

    @Option(names = "--host", paramLabel = "URL",
            description = "Clair server; env CLAIR_API (default: " + DEFAULT_HOST + ").")
    String host;

    @Option(names = "--psk-key", paramLabel = "BASE64",
            description = "Sign requests with this PSK (default: the config file's auth.psk.key).")
    String pskKey;

    /** The server's root URL. */
    URI base(ClairCtl root) {
        String h = host != null ? host : root.console().env("CLAIR_API") != null ? root.console().env("CLAIR_API")
                : DEFAULT_HOST;
        String from = host != null ? "--host" : root.console().env("CLAIR_API") != null ? "CLAIR_API" : "default";
        try {
            URI u = new URI(h.contains("://") ? h : "http://" + h);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new URISyntaxException(h, "not an http(s) URL with a host");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new CtlException(from + ": \"" + h + "\" is not a server URL like " + DEFAULT_HOST, e);
        }
    }

    /** A client for the server, signing every request when a PSK is configured. */
    ClairClient client(ClairCtl root) {
        URI base = base(root);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        // indexing is synchronous: a POST may take as long as the server needs to fetch and scan the layers
        return new ClairClient(http, base, signer(root), Duration.ofMinutes(10));
    }

    private PskSigner signer(ClairCtl root) {
        String key = pskKey;
        String from = "--psk-key";
        ClairConfigDocument config = root.config();
        if (key == null && config != null) {
            key = config.pskKey().orElse(null);
            from = config.path() + ": auth.psk.key";
        }
        if (key == null) {
            return null;
        }
        try {
            return new PskSigner(PskKey.fromBase64(key), root.issuer());
        } catch (IllegalArgumentException e) {
            throw new CtlException(from + ": " + e.getMessage(), e);
        }
    }
}
