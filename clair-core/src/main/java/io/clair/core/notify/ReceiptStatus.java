package io.clair.core.notify;

/** Where a notification is in its life: stored, handed to the deliverer, failed to hand over, or acknowledged. */
public enum ReceiptStatus {
    CREATED("created"),
    DELIVERED("delivered"),
    DELIVERY_FAILED("delivery_failed"),
    /** The receiver deleted it (or a direct deliverer published it whole); garbage collection removes it. */
    DELETED("deleted");

    private final String wire;

    ReceiptStatus(String wire) {
        this.wire = wire;
    }

    /** The value stored in the {@code receipt.status} column, as Clair names it. */
    public String wireName() {
        return wire;
    }

    public static ReceiptStatus fromWire(String s) {
        for (ReceiptStatus r : values()) {
            if (r.wire.equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("notifier: unknown receipt status \"" + s + "\"");
    }
}
