package io.clair.ctl.format;

import io.clair.ctl.report.ReportView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a format into a string. */
final class Formats {
    private Formats() {
    }

    static String write(ReportFormat f, ReportView... views) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.write(List.of(views), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
