package io.clair.ctl.format;

import io.clair.ctl.report.ReportView;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Writes the reports of one {@code clairctl report} run, one view per image, to stdout. */
public interface ReportFormat {
    void write(List<ReportView> views, PrintStream out) throws IOException;
}
