package io.clair.core.ecosystem.aws;

import io.clair.core.index.Distribution;
import io.clair.core.index.Package;
import io.clair.core.index.PackageKind;
import io.clair.core.oval.OvalInput;
import io.clair.core.update.FeedDates;
import io.clair.core.vuln.ArchOp;
import io.clair.core.vuln.Vulnerability;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses an ALAS {@code updateinfo.xml} (plain or gzip) with StAX, one {@code update} at a time, into one record per
 * package of each advisory:
 * <ul>
 *   <li>name: the advisory id ({@code ALAS2-2018-939}); description: the advisory text, trimmed; issued: its
 *       {@code issued} date (UTC); links: the reference {@code href}s;</li>
 *   <li>severity: verbatim ({@code important}), normalized by {@link AlasSeverity};</li>
 *   <li>distribution: the release's {@link AmazonRelease#distribution()}, the value the Amazon scanner reports;</li>
 *   <li>package: the rpm name, kind binary, its {@code arch} with {@link ArchOp#EQUALS} (Amazon lists each build
 *       separately: {@code x86_64}, {@code aarch64}, {@code i686}, {@code noarch}, {@code src});
 *       fixed_in_version: {@code [epoch:]version-release}, the epoch only when it is not 0, as the rpm scanner writes
 *       installed versions.</li>
 * </ul>
 * Packages listed twice under one advisory (several collections) are kept once.
 */
public final class UpdateInfoParser {
    private static final Logger log = LoggerFactory.getLogger(UpdateInfoParser.class);
    private static final XMLInputFactory FACTORY = RepoMd.factory();

    private final String updater;
    private final Distribution distribution;
    private final Map<String, Package> packages = new HashMap<>();

    public UpdateInfoParser(String updater, Distribution distribution) {
        this.updater = Objects.requireNonNull(updater, "updater");
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    public List<Vulnerability> parse(InputStream in) throws IOException {
        Set<Vulnerability> out = new LinkedHashSet<>();
        int updates = 0;
        XMLStreamReader x = null;
        try {
            x = FACTORY.createXMLStreamReader(OvalInput.decompressed(in, "aws"));
            boolean root = true;
            Update u = null;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    if (root && !n.equals("updates")) {
                        throw new IOException("aws: not an updateinfo document (root element <" + n + ">)");
                    }
                    root = false;
                    if (n.equals("update")) {
                        u = new Update();
                    } else if (u != null) {
                        u.element(x, n);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("update") && u != null) {
                    updates++;
                    emit(u, out);
                    u = null;
                }
            }
            if (root) {
                throw new IOException("aws: updateinfo document is empty");
            }
        } catch (XMLStreamException e) {
            Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("aws: updateinfo unreadable: " + io.getMessage(), io);
            }
            throw new IOException("aws: malformed updateinfo XML: " + e.getMessage(), e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to learn from a reader that failed
                }
            }
        }
        log.atInfo().addKeyValue("updater", updater).addKeyValue("advisories", updates)
                .addKeyValue("records", out.size()).log("parse done");
        return new ArrayList<>(out);
    }

    private void emit(Update u, Set<Vulnerability> out) {
        String links = String.join(" ", u.links);
        for (String[] p : u.packages) {
            String name = p[0];
            String arch = p[4] == null ? "" : p[4];
            Package pkg = packages.computeIfAbsent(name + '\u0000' + arch,
                    k -> Package.builder(name, "").kind(PackageKind.BINARY).arch(arch).build());
            String vr = p[2] + "-" + p[3];
            String fixed = p[1] == null || p[1].isEmpty() || p[1].equals("0") ? vr : p[1] + ":" + vr;
            out.add(new Vulnerability("", updater, u.id, u.description, FeedDates.utc(u.issued), links, u.severity,
                    AlasSeverity.normalize(u.severity), pkg, distribution, null, fixed, null,
                    arch.isEmpty() ? ArchOp.NONE : ArchOp.EQUALS, false));
        }
    }


    /** One {@code update} element while it is read. */
    private static final class Update {
        String id = "";
        String description = "";
        String severity = "";
        String issued;
        final Set<String> links = new LinkedHashSet<>();
        final List<String[]> packages = new ArrayList<>(); // name, epoch, version, release, arch

        void element(XMLStreamReader x, String n) throws XMLStreamException {
            switch (n) {
                case "id" -> id = x.getElementText().trim();
                case "description" -> description = x.getElementText().trim();
                case "severity" -> severity = x.getElementText().trim();
                case "issued" -> issued = x.getAttributeValue(null, "date");
                case "reference" -> {
                    String href = x.getAttributeValue(null, "href");
                    if (href != null && !href.isBlank()) {
                        links.add(href.trim());
                    }
                }
                case "package" -> {
                    String name = x.getAttributeValue(null, "name");
                    if (name != null && !name.isBlank()) {
                        packages.add(new String[] {name, x.getAttributeValue(null, "epoch"),
                                nz(x.getAttributeValue(null, "version")), nz(x.getAttributeValue(null, "release")),
                                x.getAttributeValue(null, "arch")});
                    }
                }
                default -> {
                }
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
