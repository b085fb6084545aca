package io.clair.core.ecosystem.rpm.rpmdb;

import io.clair.core.scan.ScanException;

/** Receives the header blobs a database reader finds, one at a time, so a reader never holds a whole database. */
@FunctionalInterface
public interface HeaderSink {

    /**
     * Takes one header blob. The array belongs to the sink from then on.
     *
     * @throws ScanException to stop reading; the reader passes it on unchanged
     */
    void accept(byte[] blob) throws ScanException;
}
