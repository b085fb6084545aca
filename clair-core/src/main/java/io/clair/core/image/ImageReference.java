package io.clair.core.image;

import java.util.Locale;

/**
 * Where an image comes from, in the spellings {@code clairctl} accepts:
 * <ul>
 *   <li>{@code [registry/]repo[:tag][@digest]} (optionally prefixed {@code docker://}): a registry speaking the Docker
 *       Registry v2 / OCI distribution API, with Docker's defaults ({@link RegistryReference});</li>
 *   <li>{@code oci:DIR[:tag]}: an OCI image layout directory ({@link OciLayoutReference});</li>
 *   <li>{@code docker-archive:FILE[:name:tag]}: a {@code docker save} tar ({@link DockerArchiveReference}).</li>
 * </ul>
 * {@link #parse} throws {@link IllegalArgumentException} with a message starting {@code "image reference: "} that
 * names the input for anything else. {@code parse(ref.canonical())} equals {@code ref}.
 */
public sealed interface ImageReference permits RegistryReference, OciLayoutReference, DockerArchiveReference {

    /** The normalized text form, e.g. {@code docker.io/library/alpine:latest} or {@code oci:/abs/dir:3.20}. */
    String canonical();

    /**
     * Parses a reference.
     *
     * @throws IllegalArgumentException when the reference is empty, uses an unsupported transport or is malformed
     */
    static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("image reference: empty");
        }
        String t = text.strip();
        if (t.startsWith("oci:")) {
            return OciLayoutReference.parseBody(t, t.substring("oci:".length()));
        }
        if (t.startsWith("docker-archive:")) {
            return DockerArchiveReference.parseBody(t, t.substring("docker-archive:".length()));
        }
        if (t.startsWith("docker://")) {
            return RegistryReference.parse(t.substring("docker://".length()));
        }
        int colon = t.indexOf(':');
        if (colon > 0 && isOtherTransport(t.substring(0, colon).toLowerCase(Locale.ROOT))
                && !t.substring(colon + 1).matches("\\d+(/.*)?")) {
            // "dir:5000/x" is a registry with a port, "dir:/tmp/x" a transport we do not read
            throw new IllegalArgumentException("image reference: transport \"" + t.substring(0, colon) + "\" in \""
                    + text + "\" is not supported; use registry/repo[:tag|@digest], oci:DIR[:tag] or"
                    + " docker-archive:FILE");
        }
        return RegistryReference.parse(t);
    }

    /** skopeo's other transports, named so that a user who types one gets a clear message. */
    private static boolean isOtherTransport(String prefix) {
        return switch (prefix) {
            case "dir", "oci-archive", "docker-daemon", "containers-storage", "sif", "tarball", "ostree" -> true;
            default -> false;
        };
    }
}
