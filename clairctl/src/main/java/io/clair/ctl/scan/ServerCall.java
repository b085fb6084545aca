package io.clair.ctl.scan;

import io.clair.api.client.ClairApiException;
import io.clair.ctl.CtlException;
import io.clair.ctl.Errors;
import java.io.IOException;
import java.net.URI;

/** One request to a Clair server, with network failures and API errors turned into one clear line. */
public final class ServerCall {
    private ServerCall() {
    }

    /** A request that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface Request<T> {
        T send() throws IOException;
    }

    public static <T> T run(URI base, Request<T> request) throws IOException {
        try {
            return request.send();
        } catch (ClairApiException e) {
            if (e.status() == 401) {
                throw new CtlException(unauthorized(base), e);
            }
            throw new CtlException("Clair server " + base + ": " + e.getMessage(), e);
        } catch (IOException e) {
            String problem = Errors.networkProblem(e);
            if (problem != null) {
                throw new CtlException("cannot reach the Clair server at " + base + ": " + problem
                        + " (is it running? set --host or CLAIR_API)", e);
            }
            throw e;
        }
    }

    static String unauthorized(URI base) {
        return "unauthorized (HTTP 401) from " + base + ": check the PSK (--psk-key or the config's auth.psk.key)"
                + " and the issuer (--issuer)";
    }
}
