package io.clair.ctl;

/**
 * A failure clairctl reports as one line ({@code clairctl: <message>}) with exit status 2. The message says what
 * went wrong and, where there is one, what to do; the cause is printed only with {@code -D}.
 */
public final class CtlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CtlException(String message) {
        super(message);
    }

    public CtlException(String message, Throwable cause) {
        super(message, cause);
    }
}
