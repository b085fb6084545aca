package io.clair.core.version;

/** A version string that a {@link VersionScheme} cannot parse. The message names the scheme and the input. */
public class InvalidVersionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String scheme;
    private final String input;

    public InvalidVersionException(String scheme, String input, String reason) {
        super(scheme + ": invalid version \"" + input + "\"" + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        this.scheme = scheme;
        this.input = input;
    }

    public String scheme() {
        return scheme;
    }

    public String input() {
        return input;
    }
}
