package io.clair.core.image;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image in an OCI image layout directory: {@code oci:DIR[:tag]}. As in skopeo, the first {@code :} after the
 * transport ends the directory, so the directory cannot contain one and the tag may
 * ({@code oci:dir:docker.io/library/alpine:3.20}). The tag is matched against the
 * {@code org.opencontainers.image.ref.name} annotation of {@code index.json}.
 *
 * @param directory the layout directory, made absolute
 * @param tag       the {@code ref.name} to select, or null for "the only image, else {@code latest}"
 */
public record OciLayoutReference(Path directory, String tag) implements ImageReference {
    private static final Pattern REF_NAME = Pattern.compile("[A-Za-z0-9._:@/+-]+");

    public OciLayoutReference {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
        if (tag != null && !REF_NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("image reference: oci layout tag \"" + tag + "\" is invalid");
        }
    }

    static OciLayoutReference parseBody(String text, String body) {
        int colon = body.indexOf(':');
        String dir = colon < 0 ? body : body.substring(0, colon);
        String tag = colon < 0 ? null : body.substring(colon + 1);
        if (dir.isEmpty()) {
            throw new IllegalArgumentException("image reference: \"" + text + "\": missing directory after oci:");
        }
        if (tag != null && tag.isEmpty()) {
            throw new IllegalArgumentException("image reference: \"" + text + "\": empty tag after the directory");
        }
        try {
            return new OciLayoutReference(Path.of(dir), tag);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("image reference: \"" + text + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String canonical() {
        return "oci:" + directory + (tag != null ? ":" + tag : "");
    }

    @Override
    public String toString() {
        return canonical();
    }
}
