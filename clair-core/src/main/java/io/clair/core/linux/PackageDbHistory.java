package io.clair.core.linux;

import io.clair.core.index.Package;
import io.clair.core.layer.Whiteout;
import io.clair.core.manifest.Digest;
import io.clair.core.scan.LayerArtifacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contents of each package database (or package file) layer by layer, and from it the final image's packages:
 * the last layer that carries a database defines its contents, a later whiteout of the database's path deletes
 * them, and each surviving package was introduced by the first layer of the unbroken run of layers, ending at that
 * last one, in which it appears.
 */
final class PackageDbHistory {

    /** A package in the final image, with the layer that introduced it. */
    record Survivor(Package pkg, Digest introducedIn) {
    }

    private record Snapshot(int layer, Map<String, Package> byIdentity) {
    }

    private PackageDbHistory() {
    }

    static List<Survivor> survivors(List<LayerArtifacts> layers) {
        Map<String, List<Snapshot>> history = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Map<String, Package>> byDb = new LinkedHashMap<>();
            for (Package p : layers.get(i).packages()) {
                byDb.computeIfAbsent(p.packageDb(), k -> new LinkedHashMap<>()).putIfAbsent(identity(p), p);
            }
            for (Map.Entry<String, Map<String, Package>> e : byDb.entrySet()) {
                history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Snapshot(i, e.getValue()));
            }
        }
        List<Survivor> out = new ArrayList<>();
        for (Map.Entry<String, List<Snapshot>> e : history.entrySet()) {
            List<Snapshot> snaps = e.getValue();
            Snapshot last = snaps.get(snaps.size() - 1);
            if (deletedLater(layers, last.layer(), pathOf(e.getKey()))) {
                continue;
            }
            for (Map.Entry<String, Package> p : last.byIdentity().entrySet()) {
                int intro = last.layer();
                for (int k = snaps.size() - 2; k >= 0 && snaps.get(k).byIdentity().containsKey(p.getKey()); k--) {
                    intro = snaps.get(k).layer();
                }
                out.add(new Survivor(p.getValue(), layers.get(intro).layer()));
            }
        }
        return out;
    }

    /** Whether a layer above {@code layer} whites out {@code path} (the database file or a directory above it). */
    private static boolean deletedLater(List<LayerArtifacts> layers, int layer, Set<String> paths) {
        for (int j = layer + 1; j < layers.size(); j++) {
            for (Whiteout w : layers.get(j).whiteouts()) {
                for (String p : paths) {
                    if (w.hides(p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The layer paths a package database name refers to. Scanners may prefix the path with the database kind
     * ({@code bdb:var/lib/rpm}); a path naming a directory is hidden when the directory is.
     */
    private static Set<String> pathOf(String packageDb) {
        String p = packageDb.matches("^[a-z0-9-]+:.*") && !packageDb.contains("://")
                ? packageDb.substring(packageDb.indexOf(':') + 1) : packageDb;
        Set<String> out = new LinkedHashSet<>();
        out.add(p.startsWith("/") ? p.substring(1) : p);
        return out;
    }

    static String identity(Package p) {
        Package s = p.source();
        return p.identityKey() + '\u0001' + (s == null ? "" : s.name() + '\u0000' + s.version());
    }
}
