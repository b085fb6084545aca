package io.clair.core.ecosystem.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code updateinfo} entry of a yum repository's {@code repodata/repomd.xml}: where the ALAS data is and the
 * checksum of that (compressed) file, which tells whether it changed without downloading it.
 *
 * @param location     the {@code location/@href}, relative to the repository base ({@code repodata/updateinfo.xml.gz})
 * @param checksumType the checksum algorithm as repomd names it ({@code sha256}), lower case
 * @param checksum     the checksum of the file at {@code location}, lower-case hex
 */
public record RepoMd(String location, String checksumType, String checksum) {
    private static final XMLInputFactory FACTORY = factory();

    /** The {@code updateinfo} entry of {@code in}, or empty when the repository has none. */
    public static Optional<RepoMd> updateInfo(InputStream in) throws IOException {
        XMLStreamReader x = null;
        try {
            x = FACTORY.createXMLStreamReader(in);
            boolean root = true;
            boolean inUpdateInfo = false;
            String location = null;
            String type = "";
            String sum = null;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getLocalName();
                    if (root && !n.equals("repomd")) {
                        throw new IOException("aws: not a repomd document (root element <" + n + ">)");
                    }
                    root = false;
                    if (n.equals("data")) {
                        inUpdateInfo = "updateinfo".equals(x.getAttributeValue(null, "type"));
                    } else if (inUpdateInfo && n.equals("location")) {
                        location = x.getAttributeValue(null, "href");
                    } else if (inUpdateInfo && n.equals("checksum")) {
                        String t = x.getAttributeValue(null, "type");
                        type = t == null ? "" : t.toLowerCase(Locale.ROOT);
                        sum = x.getElementText().trim().toLowerCase(Locale.ROOT);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("data") && inUpdateInfo) {
                    if (location == null || location.isBlank()) {
                        throw new IOException("aws: repomd updateinfo entry has no location");
                    }
                    return Optional.of(new RepoMd(location, type, sum == null ? "" : sum));
                }
            }
            if (root) {
                throw new IOException("aws: repomd document is empty");
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw new IOException("aws: malformed repomd XML: " + e.getMessage(), e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to learn from a reader that failed
                }
            }
        }
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
