package io.clair.core.manifest;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:9f86d0...}. Clair requires {@code sha256} and accepts {@code sha512};
 * the hex part is always lowercase and of the algorithm's exact length.
 */
public record Digest(String algorithm, String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    public Digest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        int want = switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> throw new IllegalArgumentException("digest: unsupported algorithm \"" + algorithm + "\"");
        };
        if (hex.length() != want || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "digest: " + algorithm + " needs " + want + " lowercase hex characters, got \"" + hex + "\"");
        }
    }

    /** Parses {@code algorithm:hex}; throws {@link IllegalArgumentException} with a readable message otherwise. */
    public static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("digest: empty");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("digest: missing algorithm prefix in \"" + text + "\"");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The digest of {@code bytes} with {@code algorithm} ({@code sha256} or {@code sha512}). */
    public static Digest of(String algorithm, byte[] bytes) {
        return new Digest(algorithm, HexFormat.of().formatHex(newMessageDigest(algorithm).digest(bytes)));
    }

    /** A fresh {@link java.security.MessageDigest} for this digest's algorithm, for streaming verification. */
    public java.security.MessageDigest newMessageDigest() {
        return newMessageDigest(algorithm);
    }

    static java.security.MessageDigest newMessageDigest(String algorithm) {
        try {
            return java.security.MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT).replace("SHA", "SHA-"));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("digest: JDK lacks " + algorithm, e);
        }
    }

    /** True when {@code computed} (raw bytes from {@link #newMessageDigest()}) equals this digest. */
    public boolean matches(byte[] computed) {
        return hex.equals(HexFormat.of().formatHex(computed));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
