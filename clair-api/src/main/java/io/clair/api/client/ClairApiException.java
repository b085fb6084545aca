package io.clair.api.client;

import java.io.IOException;

/** A non-success answer from a Clair server, with the status and Clair's error code and message when given. */
public class ClairApiException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public ClairApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
