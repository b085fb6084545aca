package io.clair.ctl.format;

import io.clair.api.v4.DistributionDto;
import io.clair.ctl.report.Finding;
import io.clair.ctl.report.ReportView;
import io.clair.core.vuln.Severity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table for people: per image a header, the findings grouped by package (packages with the worst findings
 * first; each package's name and version printed once), counts per severity and a summary line. Columns are as
 * wide as their longest cell and nothing is cut, so links stay whole on wide terminals. Severities are coloured
 * only when stdout is a terminal.
 */
final class TextFormat implements ReportFormat {
    private static final String[] HEADER = {"PACKAGE", "VERSION", "VULNERABILITY", "SEVERITY", "FIXED IN", "LINK"};
    private static final String RESET = "\u001b[0m";

    private final boolean color;

    TextFormat(boolean color) {
        this.color = color;
    }

    @Override
    public void write(List<ReportView> views, PrintStream out) {
        boolean first = true;
        for (ReportView v : views) {
            if (!first) {
                out.println();
            }
            first = false;
            writeOne(v, out);
        }
        out.flush();
    }

    private void writeOne(ReportView v, PrintStream out) {
        out.println("Image:    " + v.image().reference() + " (" + v.image().digest() + ")");
        String dists = v.image().report().distributions().values().stream().map(TextFormat::describe)
                .distinct().collect(Collectors.joining(", "));
        if (!dists.isEmpty()) {
            out.println("OS:       " + dists);
        }
        out.println("Packages: " + v.image().report().packages().size());
        if (v.image().noDataWarning() != null) {
            out.println("Note:     " + v.image().noDataWarning());
        }
        out.println();
        if (!v.shown().isEmpty()) {
            table(v, out);
            out.println();
        }
        out.println(counts(v));
        out.println(summary(v));
    }

    private void table(ReportView v, PrintStream out) {
        // group by package, packages ordered by their worst finding (findings are already worst first)
        Map<String, List<Finding>> byPackage = new LinkedHashMap<>();
        v.shown().forEach(f -> byPackage.computeIfAbsent(f.packageId(), k -> new ArrayList<>()).add(f));
        List<String[]> rows = new ArrayList<>();
        List<Severity> severities = new ArrayList<>();
        for (List<Finding> group : byPackage.values()) {
            boolean firstOfPackage = true;
            for (Finding f : group) {
                rows.add(new String[] {firstOfPackage ? f.pkg().name() : "", firstOfPackage ? f.pkg().version() : "",
                        f.vulnerability().name(), f.severity().name(), f.fixedIn(), f.firstLink()});
                severities.add(f.severity());
                firstOfPackage = false;
            }
        }
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        out.println(line(HEADER, width, null));
        for (int i = 0; i < rows.size(); i++) {
            out.println(line(rows.get(i), width, severities.get(i)));
        }
    }

    private String line(String[] cells, int[] width, Severity severity) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String cell = last ? cells[i] : pad(cells[i], width[i]);
            if (i == 3 && severity != null && color) {
                cell = ansi(severity) + cell + RESET;
            }
            b.append(cell);
            if (!last) {
                b.append("  ");
            }
        }
        return b.toString().stripTrailing();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String counts(ReportView v) {
        Map<Severity, Integer> n = new EnumMap<>(Severity.class);
        v.shown().forEach(f -> n.merge(f.severity(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            if (s.compareTo(v.minimum()) >= 0) {
                parts.add(s.name() + ": " + n.getOrDefault(s, 0));
            }
        }
        return String.join("  ", parts);
    }

    static String summary(ReportView v) {
        int packages = v.image().report().packages().size();
        StringBuilder b = new StringBuilder();
        if (v.shown().isEmpty()) {
            b.append("No vulnerabilities").append(v.minimum() == Severity.Unknown ? "" : " at or above "
                    + v.minimum()).append(" found in ").append(packages).append(plural(" package", packages));
        } else {
            long distinct = v.shown().stream().map(f -> f.vulnerability().name()).distinct().count();
            b.append(v.shown().size()).append(v.shown().size() == 1 ? " finding" : " findings").append(" (")
                    .append(distinct).append(distinct == 1 ? " vulnerability" : " vulnerabilities").append(") in ")
                    .append(v.vulnerablePackages()).append(" of ").append(packages)
                    .append(plural(" package", packages));
        }
        List<String> notes = new ArrayList<>();
        if (!v.suppressed().isEmpty()) {
            notes.add(v.suppressed().size() + " hidden by suppressions");
        }
        if (v.belowMinimum() > 0) {
            notes.add(v.belowMinimum() + " below " + v.minimum() + " not shown");
        }
        if (!notes.isEmpty()) {
            b.append(" (").append(String.join(", ", notes)).append(")");
        }
        b.append('.');
        long failing = v.failing();
        if (failing > 0) {
            b.append(' ').append(failing).append(" at or above the fail-on severity ")
                    .append(v.policy().threshold()).append(": exit status 1.");
        }
        return b.toString();
    }

    private static String plural(String word, long n) {
        return n == 1 ? word : word + "s";
    }

    private static String describe(DistributionDto d) {
        if (d.prettyName() != null && !d.prettyName().isBlank()) {
            return d.prettyName();
        }
        return (d.name() + " " + (d.versionId() == null || d.versionId().isBlank() ? d.version() : d.versionId()))
                .strip();
    }

    private static String ansi(Severity s) {
        return switch (s) {
            case Critical -> "\u001b[1;31m";
            case High -> "\u001b[31m";
            case Medium -> "\u001b[33m";
            case Low -> "\u001b[36m";
            default -> "\u001b[2m";
        };
    }
}
