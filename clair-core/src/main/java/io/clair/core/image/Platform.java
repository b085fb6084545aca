package io.clair.core.image;

import java.util.Locale;
import java.util.Objects;

/**
 * An image platform as written in OCI indexes and Docker manifest lists ({@code os}, {@code architecture},
 * {@code variant}), used to pick one image from a multi-platform index.
 *
 * <p>Matching follows containerd's normalization, because indexes in the wild spell the same platform several ways:
 * {@code x86_64} is {@code amd64}, {@code aarch64} is {@code arm64}; an {@code arm64} variant of {@code v8} equals
 * no variant; an {@code arm} image without a variant is {@code v7}; an {@code amd64} variant {@code v1} equals none.
 *
 * @param os           e.g. {@code linux}
 * @param architecture e.g. {@code amd64}, {@code arm64}, {@code arm}
 * @param variant      e.g. {@code v7}, or null
 */
public record Platform(String os, String architecture, String variant) {
    /** What Clair scans when nothing else is asked for. */
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        if (os.isBlank() || architecture.isBlank()) {
            throw new IllegalArgumentException("platform: os and architecture are required");
        }
        variant = variant == null || variant.isBlank() ? null : variant;
    }

    /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm/v7}. */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()
                || (parts.length == 3 && parts[2].isEmpty())) {
            throw new IllegalArgumentException("platform: \"" + text + "\" is not os/arch[/variant]");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** True when {@code other} names the same platform after normalization. */
    public boolean matches(Platform other) {
        return other != null && os.equalsIgnoreCase(other.os)
                && normalArch().equals(other.normalArch()) && normalVariant().equals(other.normalVariant());
    }

    private String normalArch() {
        String a = architecture.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            case "armhf", "armel" -> "arm";
            case "i386" -> "386";
            default -> a;
        };
    }

    private String normalVariant() {
        String v = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
        String a = architecture.toLowerCase(Locale.ROOT);
        return switch (normalArch()) {
            case "arm64" -> v.equals("v8") ? "" : v;
            case "amd64" -> v.equals("v1") ? "" : v;
            case "arm" -> !v.isEmpty() ? v : a.equals("armel") ? "v6" : "v7";
            default -> v;
        };
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }
}
