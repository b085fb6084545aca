package io.clair.core.ecosystem.ubuntu;

import io.clair.core.ecosystem.ubuntu.OvalDocument.Definition;
import io.clair.core.ecosystem.ubuntu.OvalDocument.DpkgObject;
import io.clair.core.ecosystem.ubuntu.OvalDocument.DpkgState;
import io.clair.core.ecosystem.ubuntu.OvalDocument.DpkgTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OVAL definitions document with StAX in one forward pass, keeping only what {@link OvalDocument} holds.
 * Elements are recognised by local name (the {@code linux-def:} and default namespaces vary between generators); the
 * dpkg children ({@code object}, {@code state}, {@code name}, {@code evr}, {@code arch}) are only read inside their
 * dpkg parents, so the same names under family or textfilecontent tests are ignored. DTDs and external entities are
 * refused.
 */
final class OvalReader {
    private static final XMLInputFactory FACTORY = factory();
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}:\\d{2}))?.*");

    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, DpkgTest> tests = new HashMap<>();
    private final Map<String, DpkgObject> objects = new HashMap<>();
    private final Map<String, DpkgState> states = new HashMap<>();
    private final Map<String, List<String>> variables = new HashMap<>();

    // The element being collected; at most one of these is non-null at a time.
    private DefinitionBuilder def;
    private String[] test;     // id, objectRef, stateRef
    private String[] object;   // id, name, varRef
    private String[] state;    // id, evr, evrOperation, arch, archOperation
    private String variableId;
    private List<String> variableValues;

    private OvalReader() {
    }

    /** Reads {@code in} (plain XML) to the end. */
    static OvalDocument read(InputStream in) throws IOException {
        OvalReader r = new OvalReader();
        XMLStreamReader x = null;
        try {
            x = FACTORY.createXMLStreamReader(in);
            r.run(x);
        } catch (XMLStreamException e) {
            // The reader wraps failures of the stream under it (a truncated .bz2, a dropped connection).
            Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("ubuntu: OVAL document unreadable: " + io.getMessage(), io);
            }
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new IOException("ubuntu: malformed OVAL XML" + at + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("ubuntu: ")) {
                throw e;
            }
            throw new IOException("ubuntu: OVAL document unreadable: " + e.getMessage(), e);
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader that already failed tells nothing new.
                }
            }
        }
        return new OvalDocument(r.definitions, r.tests, r.objects, r.states, r.variables);
    }

    private void run(XMLStreamReader x) throws XMLStreamException, IOException {
        boolean root = true;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (root && !x.getLocalName().equals("oval_definitions")) {
                    throw new IOException("ubuntu: not an OVAL definitions document (root element <"
                            + x.getLocalName() + ">)");
                }
                root = false;
                start(x);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                end(x.getLocalName());
            }
        }
        if (root) {
            throw new IOException("ubuntu: OVAL document is empty");
        }
    }

    private void start(XMLStreamReader x) throws XMLStreamException {
        String n = x.getLocalName();
        if (def != null) {
            switch (n) {
                case "title" -> def.title = x.getElementText().trim();
                case "description" -> def.description = x.getElementText().trim();
                case "severity" -> def.severity = x.getElementText().trim();
                case "public_date" -> def.publicDate = x.getElementText().trim();
                case "issued" -> def.issuedDate = attr(x, "date");
                case "reference" -> def.link(attr(x, "ref_url"));
                case "cve" -> {
                    def.link(attr(x, "href"));
                    x.getElementText();
                }
                case "ref", "bug" -> def.link(x.getElementText().trim());
                case "criterion" -> {
                    if (!"true".equals(attr(x, "negate"))) {
                        def.testRefs.add(attr(x, "test_ref"));
                    }
                }
                default -> {
                }
            }
            return;
        }
        switch (n) {
            case "definition" -> def = new DefinitionBuilder(attr(x, "id"), attr(x, "class"));
            case "dpkginfo_test" -> test = new String[] {attr(x, "id"), null, null};
            case "dpkginfo_object" -> object = new String[] {attr(x, "id"), null, null};
            case "dpkginfo_state" -> state = new String[] {attr(x, "id"), null, null, null, null};
            case "constant_variable" -> {
                variableId = attr(x, "id");
                variableValues = new ArrayList<>();
            }
            case "object" -> {
                if (test != null) {
                    test[1] = attr(x, "object_ref");
                }
            }
            case "state" -> {
                if (test != null) {
                    test[2] = attr(x, "state_ref");
                }
            }
            case "name" -> {
                if (object != null) {
                    object[2] = attr(x, "var_ref");
                    object[1] = x.getElementText().trim();
                }
            }
            case "evr" -> {
                if (state != null) {
                    state[2] = attr(x, "operation");
                    state[1] = x.getElementText().trim();
                }
            }
            case "arch" -> {
                if (state != null) {
                    state[4] = attr(x, "operation");
                    state[3] = x.getElementText().trim();
                }
            }
            case "value" -> {
                if (variableValues != null) {
                    variableValues.add(x.getElementText().trim());
                }
            }
            default -> {
            }
        }
    }

    private void end(String n) {
        switch (n) {
            case "definition" -> {
                if (def != null) {
                    definitions.add(def.build());
                    def = null;
                }
            }
            case "dpkginfo_test" -> {
                if (test != null) {
                    tests.put(test[0], new DpkgTest(test[0], test[1], test[2]));
                    test = null;
                }
            }
            case "dpkginfo_object" -> {
                if (object != null) {
                    objects.put(object[0], new DpkgObject(object[0], object[1], object[2]));
                    object = null;
                }
            }
            case "dpkginfo_state" -> {
                if (state != null) {
                    states.put(state[0], new DpkgState(state[0], state[1], state[2], state[3], state[4]));
                    state = null;
                }
            }
            case "constant_variable" -> {
                if (variableValues != null) {
                    variables.put(variableId, List.copyOf(variableValues));
                    variableValues = null;
                }
            }
            default -> {
            }
        }
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** {@code 2015-06-11}, {@code 2024-03-12 10:00:00 UTC} and ISO forms, read as UTC; anything else is null. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DATE.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(m.group(1));
            return m.group(2) == null ? d.atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(m.group(1) + "T" + m.group(2)).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static final class DefinitionBuilder {
        final String id;
        final String definitionClass;
        String title = "";
        String description = "";
        String severity = "";
        String issuedDate;
        String publicDate;
        final Set<String> links = new LinkedHashSet<>();
        final List<String> testRefs = new ArrayList<>();

        DefinitionBuilder(String id, String definitionClass) {
            this.id = id;
            this.definitionClass = definitionClass == null ? "" : definitionClass;
        }

        void link(String url) {
            if (url != null && !url.isBlank()) {
                links.add(url.trim());
            }
        }

        Definition build() {
            Instant issued = instant(issuedDate != null ? issuedDate : publicDate);
            return new Definition(id, definitionClass, title, description, severity, issued, List.copyOf(links),
                    List.copyOf(testRefs));
        }
    }
}
