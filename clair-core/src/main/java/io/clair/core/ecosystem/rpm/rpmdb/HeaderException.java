package io.clair.core.ecosystem.rpm.rpmdb;

import io.clair.core.scan.ScanException;

/**
 * A header blob that is not a well-formed rpm header, or lacks what a caller asked of it. It does not know which
 * database the blob came from: {@link io.clair.core.ecosystem.rpm.RpmDatabase} re-raises it as a plain
 * {@link ScanException} naming the file and the header's position.
 */
public final class HeaderException extends ScanException {
    private static final long serialVersionUID = 1L;

    public HeaderException(String message) {
        super(message);
    }
}
