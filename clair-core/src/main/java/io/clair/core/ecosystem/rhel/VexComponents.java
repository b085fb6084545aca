package io.clair.core.ecosystem.rhel;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.clair.core.ecosystem.rhel.CsafDocument.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a product status id of a Red Hat VEX file breaks down into a package, an optional module and a repository
 * (claircore's {@code walkRelationships}): relationships nest ({@code AppStream-8.10.0.Z.MAIN.EUS:httpd:2.4:...:httpd-0:2.4.37-65...}
 * is the httpd rpm, a component of the httpd:2.4 module, a component of AppStream), and the leaves of the nesting,
 * left to right, are package, module (when there are three or more) and repository.
 */
final class VexComponents {
    /** A module stream as rpm and dnf write it: {@code name:stream}. */
    private static final Pattern MODULE = Pattern.compile("[^:\\s]+:[^:\\s]+");
    /** Relationships never nest more than three deep; this only stops a cycle in bad data. */
    private static final int MAX_DEPTH = 16;

    /** The leaves of a product id: package product, module product ({@code ""} when none), repository product. */
    record Parts(String pkg, String module, String repo) {
    }

    private VexComponents() {
    }

    /** The parts of {@code productId}, or empty when it is not a component of anything (middleware, containers). */
    static Optional<Parts> walk(CsafDocument doc, String productId) {
        Relationship r = doc.relationship(productId);
        if (r == null) {
            return Optional.empty();
        }
        List<String> leaves = new ArrayList<>();
        if (!leaves(doc, r.productRef(), r.relatesTo(), leaves, 0)) {
            return Optional.empty();
        }
        if (leaves.size() == 2) {
            return Optional.of(new Parts(leaves.get(0), "", leaves.get(1)));
        }
        if (leaves.size() > 2) {
            return Optional.of(new Parts(leaves.get(0), leaves.get(leaves.size() - 2), leaves.get(leaves.size() - 1)));
        }
        return Optional.empty();
    }

    private static boolean leaves(CsafDocument doc, String productRef, String relatesTo, List<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (String ref : new String[] {productRef, relatesTo}) {
            Relationship r = doc.relationship(ref);
            if (r == null) {
                out.add(ref);
            } else if (!leaves(doc, r.productRef(), r.relatesTo(), out, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Parses a product's purl, or empty when it is malformed. */
    static Optional<PackageURL> purl(String s) {
        try {
            return Optional.of(new PackageURL(s));
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    /**
     * The module stream of a module product's purl: {@code pkg:rpmmod/redhat/postgresql@13:8060020240903094008:ad008a3a}
     * is {@code postgresql:13}, and the unconventional {@code pkg:rpmmod/redhat/postgresql:15/postgresql} is
     * {@code postgresql:15}. Anything else is empty.
     */
    static Optional<String> moduleOfProduct(String purl) {
        Optional<PackageURL> p = purl(purl);
        if (p.isEmpty() || !p.get().getType().equals("rpmmod") || p.get().getNamespace() == null) {
            return Optional.empty();
        }
        String ns = p.get().getNamespace();
        String module;
        if (ns.equals("redhat")) {
            String v = p.get().getVersion() == null ? "" : p.get().getVersion();
            int colon = v.indexOf(':');
            module = p.get().getName() + ":" + (colon < 0 ? v : v.substring(0, colon));
        } else if (ns.startsWith("redhat/")) {
            module = ns.substring("redhat/".length());
        } else {
            return Optional.empty();
        }
        return validModule(module);
    }

    /** {@code value} when it is a {@code name:stream} module, else empty (Red Hat's data has a few such as {@code rhel10}). */
    static Optional<String> validModule(String value) {
        return value != null && MODULE.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /**
     * The architecture qualifier of an rpm purl in the form the record carries: x86_64 builds are written
     * {@code amd64|x86_64} so that both spellings of an installed package's arch match, as in claircore.
     */
    static String arch(PackageURL purl) {
        String a = purl.getQualifiers() == null ? null : purl.getQualifiers().get("arch");
        if (a == null) {
            return "";
        }
        return a.equals("x86_64") || a.equals("amd64") ? "amd64|x86_64" : a;
    }

    /** {@code epoch:version-release} of an rpm purl, the epoch {@code 0} when the purl gives none, as claircore writes it. */
    static String fixedInVersion(PackageURL purl) {
        String epoch = purl.getQualifiers() == null ? null : purl.getQualifiers().get("epoch");
        return (epoch == null || epoch.isEmpty() ? "0" : epoch) + ":" + purl.getVersion();
    }

    /** Red Hat rpm content: an rpm purl in the {@code redhat} namespace. Container images and other types are not. */
    static boolean isRedHatRpm(PackageURL purl) {
        return purl.getType().equals("rpm") && "redhat".equals(purl.getNamespace());
    }
}
