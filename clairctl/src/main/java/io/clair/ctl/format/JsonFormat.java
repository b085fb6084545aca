package io.clair.ctl.format;

import io.clair.ctl.report.ReportView;
import java.io.PrintStream;
import java.util.List;

/**
 * Clair's VulnerabilityReport JSON exactly as the matcher produced it: the server's response body byte for byte,
 * or for {@code --local} what the matcher service would have sent. Filters and suppressions do not touch it (they
 * still decide the exit status), so that tools reading Clair's JSON get Clair's JSON. Several images give one
 * document per line, a stream that {@code jq} reads as is.
 */
final class JsonFormat implements ReportFormat {
    @Override
    public void write(List<ReportView> views, PrintStream out) {
        for (ReportView v : views) {
            out.print(v.image().json().strip());
            out.print('\n');
        }
        out.flush();
    }
}
