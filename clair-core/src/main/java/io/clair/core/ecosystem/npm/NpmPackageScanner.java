package io.clair.core.ecosystem.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds installed npm packages as claircore's {@code nodejs} scanner does, from the {@code package.json} of each
 * package directory inside a {@code node_modules} directory ({@code node_modules/name/package.json} or
 * {@code node_modules/@scope/name/package.json}, at any depth). Unlike claircore, a {@code package.json} deeper
 * inside a package (test fixtures, a {@code {"type":"module"}} marker) is not a package, as {@code npm ls} agrees.
 *
 * <p>A manifest without a name or version, or marked {@code "private": true} (a workspace root or local package,
 * which the registry's advisories cannot cover), is skipped; so is one that is not valid JSON or is larger than
 * {@value #MAX_BYTES} bytes, with a warning. Each package's {@link Package#packageDb()} is {@code nodejs:} plus the
 * manifest's path, which is also its {@link Package#filepath()}.
 */
public final class NpmPackageScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(NpmPackageScanner.class);
    private static final Pattern MANIFEST = Pattern.compile("(.*/)?node_modules/(@[^/]+/)?[^/@][^/]*/package\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BYTES = 4 * 1024 * 1024;

    @Override
    public String name() {
        return "nodejs";
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<String> manifests = layer.entries().filter(LayerEntry::isFile).map(LayerEntry::path)
                .filter(p -> MANIFEST.matcher(p).matches()).sorted().toList();
        List<Package> out = new ArrayList<>();
        for (String p : manifests) {
            JsonNode doc;
            try (InputStream in = layer.open(p)) {
                byte[] b = in.readNBytes(MAX_BYTES + 1);
                if (b.length > MAX_BYTES) {
                    throw new IOException("larger than " + MAX_BYTES + " bytes");
                }
                doc = JSON.readTree(b);
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", e.getMessage()).log("nodejs: skipping unreadable package.json");
                continue;
            }
            if (doc == null || !doc.isObject()) {
                LOG.atWarn().addKeyValue("path", p).addKeyValue("reason", "not a JSON object")
                        .log("nodejs: skipping package.json");
                continue;
            }
            String name = doc.path("name").asText("");
            String version = doc.path("version").asText("");
            if (name.isBlank() || version.isBlank()) {
                LOG.atDebug().addKeyValue("path", p).log("nodejs: skipping package.json without name or version");
                continue;
            }
            if (doc.path("private").asBoolean(false)) {
                LOG.atDebug().addKeyValue("path", p).log("nodejs: skipping private package");
                continue;
            }
            out.add(Package.builder(name, version).kind(PackageKind.BINARY).packageDb("nodejs:" + p).filepath(p)
                    .purl(purl(name, version)).build());
        }
        return out;
    }

    /** {@code pkg:npm/%40scope/name@version}: the scope is the namespace. */
    static String purl(String name, String version) {
        int slash = name.indexOf('/');
        String ns = name.startsWith("@") && slash > 0 ? name.substring(0, slash) : null;
        String n = ns == null ? name : name.substring(slash + 1);
        try {
            return new PackageURL("npm", ns, n, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return "";
        }
    }
}
