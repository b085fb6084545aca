package io.clair.updater.notify.deliver;

import java.util.LinkedHashSet;
import java.util.Set;

/** Readable failure text for receipts and logs: client libraries often wrap the useful message in a cause. */
final class Errors {
    private Errors() {
    }

    /** Every distinct message along the cause chain, or the class name where there is none. */
    static String describe(Throwable t) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable c = t; c != null && parts.size() < 5; c = c.getCause()) {
            String m = c.getMessage();
            parts.add(m == null || m.isBlank() ? c.getClass().getSimpleName() : m.strip());
        }
        return String.join(": ", parts);
    }
}
