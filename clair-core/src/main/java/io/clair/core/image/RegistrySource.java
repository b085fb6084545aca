package io.clair.core.image;

import io.clair.core.manifest.LayerDescriptor;
import io.clair.core.manifest.Manifest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves an image in a registry: fetches the manifest; for an index or manifest list, picks the requested platform
 * and fetches that image's manifest; then locates every layer blob. The result's digest is the platform image's
 * manifest digest (never the index's), which is what Clair indexes.
 */
final class RegistrySource {
    private static final Logger log = LoggerFactory.getLogger(RegistrySource.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Platform platform;
    private final Function<String, RegistryCredentials> credentials;
    private final Predicate<String> plainHttp;

    /**
     * @param credentials registry host (as in references) to credentials, or null for anonymous
     * @param plainHttp   registry host to whether it is spoken to over plain HTTP
     */
    RegistrySource(HttpClient http, Duration timeout, Platform platform,
                   Function<String, RegistryCredentials> credentials, Predicate<String> plainHttp) {
        this.http = http;
        this.timeout = timeout;
        this.platform = platform;
        this.credentials = credentials;
        this.plainHttp = plainHttp;
    }

    ResolvedImage resolve(RegistryReference ref) throws IOException {
        RegistryCredentials creds = credentials.apply(ref.registry());
        RegistryClient client = new RegistryClient(http, timeout, ref, plainHttp.test(ref.registry()), creds);
        String what = "registry: " + ref.canonical();
        RegistryClient.Fetched fetched = client.manifest(ref.manifestReference());
        ImageDocument doc = ImageDocument.parse(fetched.bytes(), fetched.contentType(), what);
        if (doc instanceof ImageDocument.Index index) {
            Descriptor chosen = PlatformSelection.select(index, platform, what);
            log.atInfo().addKeyValue("reference", ref.canonical()).addKeyValue("index", fetched.digest())
                    .addKeyValue("platform", platform).addKeyValue("manifest", chosen.digest())
                    .log("registry: picked platform image from index");
            fetched = client.manifest(chosen.digest().toString());
            doc = ImageDocument.parse(fetched.bytes(), fetched.contentType(), what + " (" + platform + ")");
            if (!(doc instanceof ImageDocument.Image)) {
                throw new IOException(what + ": the " + platform + " entry of the index is not an image manifest");
            }
        }
        List<LayerDescriptor> layers = ImageLayers.of((ImageDocument.Image) doc, what, client::locate);
        Manifest manifest = new Manifest(fetched.digest(), layers);
        log.atInfo().addKeyValue("reference", ref.canonical()).addKeyValue("manifest", manifest.hash())
                .addKeyValue("layers", layers.size()).addKeyValue("authenticated", creds != null)
                .log("registry: resolved image");
        return ResolvedImage.of(manifest, ref.canonical());
    }
}
