package io.clair.api.auth;

import java.util.Base64;

/** A pre-shared HS256 key as Clair configures it: base64 text ({@code auth.psk.key}). */
public record PskKey(byte[] bytes) {
    public PskKey {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("psk: empty key");
        }
        bytes = bytes.clone();
    }

    /** Decodes the base64 (standard or URL alphabet, padding optional) key text. */
    public static PskKey fromBase64(String text) {
        String t = text.trim();
        try {
            return new PskKey(Base64.getDecoder().decode(t));
        } catch (IllegalArgumentException e) {
            try {
                return new PskKey(Base64.getUrlDecoder().decode(t));
            } catch (IllegalArgumentException e2) {
                throw new IllegalArgumentException("psk: key is not base64: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
