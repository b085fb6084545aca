package io.clair.core.ecosystem.ruby;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.layer.Layer;
import io.clair.core.layer.LayerEntry;
import io.clair.core.scan.PackageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds installed gems as claircore's {@code ruby} scanner does: every {@code .gemspec} file in a directory named
 * {@code specifications} (RubyGems' own, Debian's {@code rubygems-integration}, default gems under
 * {@code specifications/default}), with name and version taken by claircore's line patterns
 * ({@code s.name = "rack".freeze}; the last matching line wins).
 *
 * <p>A gemspec without both is skipped with a warning; at most {@value #MAX_BYTES} bytes of each are read. Each
 * package's {@link Package#packageDb()} is {@code ruby:} plus the gemspec's path, which is also its
 * {@link Package#filepath()}.
 */
public final class RubyGemScanner implements PackageScanner {
    private static final Logger LOG = LoggerFactory.getLogger(RubyGemScanner.class);
    private static final Pattern GEMSPEC = Pattern.compile("(.*/)?specifications/.+\\.gemspec");
    private static final Pattern NAME = Pattern.compile("^\\S+\\.\\s*name\\s*=\\s*(\\S+)$");
    private static final Pattern VERSION = Pattern.compile("^\\S+\\.\\s*version\\s*=\\s*(\\S+)$");
    static final int MAX_BYTES = 1024 * 1024;

    @Override
    public String name() {
        return "ruby";
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public List<Package> scan(Layer layer) throws IOException {
        List<String> specs = layer.entries().filter(LayerEntry::isFile).map(LayerEntry::path)
                .filter(p -> GEMSPEC.matcher(p).matches()).sorted().toList();
        List<Package> out = new ArrayList<>();
        for (String p : specs) {
            String text;
            try (InputStream in = layer.open(p)) {
                // gemspecs are Ruby source; ISO-8859-1 keeps any byte, and the patterns only need ASCII
                text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", e.getMessage()).log("ruby: skipping unreadable gemspec");
                continue;
            }
            String name = "";
            String version = "";
            for (String line : text.split("\r?\n")) {
                String l = line.strip();
                Matcher m = NAME.matcher(l);
                if (m.matches()) {
                    name = trim(m.group(1));
                }
                m = VERSION.matcher(l);
                if (m.matches()) {
                    version = trim(m.group(1));
                }
            }
            if (name.isEmpty() || version.isEmpty()) {
                LOG.atWarn().addKeyValue("layer", layer.digest()).addKeyValue("path", p)
                        .addKeyValue("reason", "no name or version line").log("ruby: skipping gemspec");
                continue;
            }
            out.add(Package.builder(name, version).kind(PackageKind.BINARY).packageDb("ruby:" + p).filepath(p)
                    .purl(purl(name, version)).build());
        }
        return out;
    }

    /** claircore's trim: surrounding space, a {@code .freeze} call and the quotes go. */
    static String trim(String s) {
        String t = s.strip();
        if (t.endsWith(".freeze")) {
            t = t.substring(0, t.length() - ".freeze".length());
        }
        int from = 0;
        int to = t.length();
        while (from < to && (t.charAt(from) == '\'' || t.charAt(from) == '"')) {
            from++;
        }
        while (to > from && (t.charAt(to - 1) == '\'' || t.charAt(to - 1) == '"')) {
            to--;
        }
        return t.substring(from, to);
    }

    static String purl(String name, String version) {
        try {
            return new PackageURL("gem", null, name, version, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return "";
        }
    }
}
