package io.clair.core.image;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image in a {@code docker save} archive: {@code docker-archive:FILE[:name:tag]}. As in skopeo, the first
 * {@code :} after the transport ends the file name. The optional name selects one of several images by its
 * {@code RepoTags} entry (compared after Docker normalization, so {@code alpine} matches
 * {@code docker.io/library/alpine:latest}); without it the archive must hold exactly one image.
 *
 * @param file  the archive, made absolute; plain tar, or tar compressed with gzip or zstd
 * @param image the tagged name to select, or null
 */
public record DockerArchiveReference(Path file, RegistryReference image) implements ImageReference {
    public DockerArchiveReference {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
        if (image != null && image.digest() != null) {
            throw new IllegalArgumentException("image reference: docker-archive selects images by name:tag, not by"
                    + " digest (" + image + ")");
        }
    }

    static DockerArchiveReference parseBody(String text, String body) {
        int colon = body.indexOf(':');
        String file = colon < 0 ? body : body.substring(0, colon);
        if (file.isEmpty()) {
            throw new IllegalArgumentException("image reference: \"" + text
                    + "\": missing file after docker-archive:");
        }
        if (colon >= 0 && colon == body.length() - 1) {
            throw new IllegalArgumentException("image reference: \"" + text + "\": empty name after the file");
        }
        RegistryReference image = colon < 0 ? null : RegistryReference.parse(body.substring(colon + 1));
        try {
            return new DockerArchiveReference(Path.of(file), image);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("image reference: \"" + text + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String canonical() {
        return "docker-archive:" + file + (image != null ? ":" + image.canonical() : "");
    }

    @Override
    public String toString() {
        return canonical();
    }
}
