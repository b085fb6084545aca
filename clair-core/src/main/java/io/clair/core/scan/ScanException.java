package io.clair.core.scan;

import java.io.IOException;

/** Content a scanner could not understand: a corrupt package database, a malformed metadata file. */
public class ScanException extends IOException {
    private static final long serialVersionUID = 1L;

    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
