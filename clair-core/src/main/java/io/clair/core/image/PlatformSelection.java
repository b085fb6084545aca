package io.clair.core.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Picks the image for one platform out of an OCI index or Docker manifest list. */
final class PlatformSelection {
    private PlatformSelection() {
    }

    /**
     * The first image-manifest entry whose platform matches {@code wanted} (the OCI spec says the first match wins).
     * Entries without a platform, such as BuildKit's attestation manifests, never match.
     *
     * @param what names the index in errors, starting with the component
     * @throws IOException naming the available platforms when none matches
     */
    static Descriptor select(ImageDocument.Index index, Platform wanted, String what) throws IOException {
        List<String> available = new ArrayList<>();
        for (Descriptor d : index.manifests()) {
            if (d.mediaType() != null && !MediaTypes.isImageManifest(d.mediaType())) {
                continue;
            }
            if (d.platform() != null && wanted.matches(d.platform())) {
                return d;
            }
            if (d.platform() != null) {
                available.add(d.platform().toString());
            }
        }
        throw new IOException(what + " has no image for platform " + wanted + "; it has "
                + (available.isEmpty() ? "no platform-tagged images" : String.join(", ", available)));
    }
}
