package io.clair.ctl.scan;

import io.clair.ctl.report.ImageReport;
import java.io.IOException;

/** Produces an image's vulnerability report: from a Clair server ({@link RemoteScanner}) or in-process ({@link LocalScanner}). */
public interface ImageScanner extends AutoCloseable {
    ImageReport scan(String reference) throws IOException;

    @Override
    void close();
}
