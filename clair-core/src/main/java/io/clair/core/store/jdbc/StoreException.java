package io.clair.core.store.jdbc;

/** A database failure inside a store, with the operation in the message. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super("store: " + message, cause);
    }
}
