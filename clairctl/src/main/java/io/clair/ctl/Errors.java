package io.clair.ctl;

import io.clair.core.store.jdbc.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Turns exceptions into the one line clairctl prints for them. */
public final class Errors {
    private Errors() {
    }

    /** The one line for {@code e}: library messages that span lines (Jackson's do) are joined. */
    public static String describe(Throwable e) {
        return describeRaw(e).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String describeRaw(Throwable e) {
        if (e instanceof CtlException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describeRaw(u.getCause());
        }
        if (e instanceof IOException || e instanceof IllegalArgumentException) {
            return message(e);
        }
        if (e instanceof StoreException) {
            return "database: " + message(e);
        }
        // a bug, not a user error: say so, and where to look
        return "unexpected error: " + e + " (run with -D for the stack trace)";
    }

    /** Why a connection to {@code what} failed, when it was the network; null when it was something else. */
    public static String networkProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused")
                        || t.getMessage() == null ? "connection refused" : t.getMessage();
            }
        }
        return null;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().replace('\n', ' ');
    }
}
