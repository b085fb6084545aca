package io.clair.core.notify;

/** A receiver did not take a notification; the message says which deliverer and why. */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
