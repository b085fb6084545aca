package io.clair.ctl.format;

import io.clair.api.v4.PackageDto;
import io.clair.ctl.report.Finding;
import io.clair.ctl.report.ReportView;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the format CI servers render as test results; Clair's clairctl also has an xml output, whose shape is
 * its own): one {@code <testsuite>} per image, one {@code <testcase>} per shown finding (class name = package and
 * version, name = vulnerability), a {@code <failure>} when the finding fails the exit policy, {@code <skipped>}
 * for suppressed findings, and one passing test case per package with no shown finding, so that the suite counts
 * the whole image.
 */
final class JunitXmlFormat implements ReportFormat {

    @Override
    public void write(List<ReportView> views, PrintStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "clairctl");
            x.writeAttribute("tests", Long.toString(views.stream().mapToLong(JunitXmlFormat::tests).sum()));
            x.writeAttribute("failures", Long.toString(views.stream().mapToLong(ReportView::failing).sum()));
            x.writeAttribute("skipped", Long.toString(views.stream().mapToLong(v -> v.suppressed().size()).sum()));
            x.writeAttribute("errors", "0");
            for (ReportView v : views) {
                suite(x, v);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
            w.write('\n');
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("xml: " + e.getMessage(), e);
        }
    }

    private static long tests(ReportView v) {
        return v.shown().size() + v.suppressed().size() + cleanPackages(v).size();
    }

    /** Packages with no shown or suppressed finding, by name and version. */
    private static Set<String> cleanPackages(ReportView v) {
        Set<String> withFindings = new LinkedHashSet<>();
        v.shown().forEach(f -> withFindings.add(f.packageId()));
        v.suppressed().forEach(s -> withFindings.add(s.finding().packageId()));
        Map<String, String> clean = new TreeMap<>();
        v.image().report().packages().forEach((id, p) -> {
            if (!withFindings.contains(id)) {
                clean.put(label(p) + "\u0000" + id, label(p));
            }
        });
        return new LinkedHashSet<>(clean.values());
    }

    private static void suite(XMLStreamWriter x, ReportView v) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", v.image().reference());
        x.writeAttribute("tests", Long.toString(tests(v)));
        x.writeAttribute("failures", Long.toString(v.failing()));
        x.writeAttribute("skipped", Integer.toString(v.suppressed().size()));
        x.writeAttribute("errors", "0");
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        property(x, "manifest", v.image().digest());
        property(x, "minimum-severity", v.minimum().name());
        property(x, "fail-on", v.policy().threshold() == null ? "none" : v.policy().threshold().name());
        if (v.image().noDataWarning() != null) {
            property(x, "note", v.image().noDataWarning());
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        for (Finding f : v.shown()) {
            testcase(x, f);
            if (v.fails(f)) {
                x.writeStartElement("failure");
                x.writeAttribute("type", f.severity().name());
                x.writeAttribute("message", message(f));
                x.writeCharacters(detail(f));
                x.writeEndElement();
            } else {
                x.writeStartElement("system-out");
                x.writeCharacters(message(f) + " (below the fail-on threshold)\n" + detail(f));
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        for (ReportView.Suppressed s : v.suppressed()) {
            testcase(x, s.finding());
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", "suppressed until " + s.entry().expires() + ": " + s.entry().reason());
            x.writeEndElement();
        }
        for (String clean : cleanPackages(v)) {
            x.writeCharacters("\n    ");
            x.writeEmptyElement("testcase");
            x.writeAttribute("classname", clean);
            x.writeAttribute("name", "no findings");
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, Finding f) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", label(f.pkg()));
        x.writeAttribute("name", f.vulnerability().name() + " (" + f.severity() + ")");
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
    }

    private static String label(PackageDto p) {
        return p.name() + " " + p.version();
    }

    private static String message(Finding f) {
        String fixed = f.fixedIn().isEmpty() ? "no fixed version" : "fixed in " + f.fixedIn();
        return f.vulnerability().name() + " (" + f.severity() + ") affects " + label(f.pkg()) + "; " + fixed;
    }

    private static String detail(Finding f) {
        String d = f.vulnerability().description() == null ? "" : f.vulnerability().description().strip();
        return (d.isEmpty() ? "" : d + "\n") + (f.vulnerability().links() == null ? ""
                : f.vulnerability().links().strip());
    }
}
