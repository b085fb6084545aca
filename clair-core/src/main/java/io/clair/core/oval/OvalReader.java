package io.clair.core.oval;

import io.clair.core.oval.OvalDocument.Definition;
import io.clair.core.oval.OvalDocument.PackageObject;
import io.clair.core.oval.OvalDocument.PackageState;
import io.clair.core.oval.OvalDocument.Test;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OVAL definitions document with StAX in one forward pass, never as a DOM, keeping only what
 * {@link OvalDocument} holds. Elements are recognised by local name, because the namespace prefixes differ between
 * generators (Oracle, SUSE, Canonical, VMware). Test, object and state elements are recognised by their suffix
 * ({@code _test}, {@code _object}, {@code _state}), and their children ({@code object}, {@code state}, {@code name},
 * {@code evr}, {@code arch}, ...) are only read inside such a parent. DTDs and external entities are refused.
 *
 * <p>Every failure is an {@link IOException} whose message starts with the component name given to {@link #read}.
 */
public final class OvalReader {
    private static final XMLInputFactory FACTORY = factory();

    private final String component;
    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, Test> tests = new HashMap<>();
    private final Map<String, PackageObject> objects = new HashMap<>();
    private final Map<String, PackageState> states = new HashMap<>();
    private final Map<String, List<String>> variables = new HashMap<>();
    /**
     * One instance per distinct short value (ids and references, kinds, operations, versions, comments): a feed
     * repeats them all the time (each test id once per criterion that uses it, "is signed with the Oracle Linux 7
     * key" in every definition), and the model is held whole until the tests are read, so sharing them roughly
     * halves the heap a large feed needs.
     */
    private final Map<String, String> pool = new HashMap<>();

    // The element being collected; at most one of these is non-null at a time.
    private DefinitionBuilder def;
    private String[] test;     // id, kind, objectRef, stateRef
    private String[] object;   // id, kind, name, varRef
    private String[] state;    // id, kind, evr, evrOp, arch, archOp, version, versionOp, signatureKeyId
    private String variableId;
    private List<String> variableValues;

    private OvalReader(String component) {
        this.component = component;
    }

    /**
     * Reads {@code in} (plain XML; see {@link OvalInput} for compressed feeds) to the end.
     *
     * @param component prefix of error messages, for example {@code "oracle"}
     */
    public static OvalDocument read(InputStream in, String component) throws IOException {
        OvalReader r = new OvalReader(Objects.requireNonNull(component, "component"));
        XMLStreamReader x = null;
        try {
            x = FACTORY.createXMLStreamReader(in);
            r.run(x);
        } catch (XMLStreamException e) {
            // The reader wraps failures of the stream under it (a truncated .bz2, a dropped connection).
            Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(component + ": OVAL document unreadable: " + io.getMessage(), io);
            }
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new IOException(component + ": malformed OVAL XML" + at + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(component + ": ")) {
                throw e;
            }
            throw new IOException(component + ": OVAL document unreadable: " + e.getMessage(), e);
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
                    throw new IOException(component + ": not an OVAL definitions document (root element <"
                            + x.getLocalName() + ">)");
                }
                root = false;
                if (def != null) {
                    inDefinition(x);
                } else {
                    outside(x);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                end(x.getLocalName());
            }
        }
        if (root) {
            throw new IOException(component + ": OVAL document is empty");
        }
    }

    private void inDefinition(XMLStreamReader x) throws XMLStreamException {
        switch (x.getLocalName()) {
            case "title" -> def.title = text(x);
            case "description" -> def.description = text(x);
            case "severity" -> def.severity = text(x);
            case "public_date" -> def.publicDate = text(x);
            case "issued" -> def.issuedDate = attr(x, "date");
            case "platform" -> def.platforms.add(text(x));
            case "reference" -> def.link(attr(x, "ref_url"));
            case "bugzilla" -> def.link(attr(x, "href"));
            case "cve" -> {
                def.link(attr(x, "href"));
                def.cves.add(text(x));
            }
            case "ref", "bug" -> def.link(text(x));
            case "criteria" -> def.openCriteria(attr(x, "operator"), "true".equals(attr(x, "negate")));
            case "criterion" -> def.criterion(attr(x, "test_ref"), attr(x, "comment"),
                    "true".equals(attr(x, "negate")));
            default -> {
            }
        }
    }

    private void outside(XMLStreamReader x) throws XMLStreamException {
        String n = x.getLocalName();
        if (n.equals("definition")) {
            def = new DefinitionBuilder(attr(x, "id"), attr(x, "class"));
        } else if (n.endsWith("_test")) {
            test = new String[] {attr(x, "id"), shared(n), null, null};
        } else if (n.endsWith("_object")) {
            object = new String[] {attr(x, "id"), shared(n), null, null};
        } else if (n.endsWith("_state")) {
            state = new String[] {attr(x, "id"), shared(n), null, null, null, null, null, null, null};
        } else if (n.equals("constant_variable")) {
            variableId = attr(x, "id");
            variableValues = new ArrayList<>();
        } else if (test != null) {
            if (n.equals("object") && test[2] == null) {
                test[2] = attr(x, "object_ref");
            } else if (n.equals("state") && test[3] == null) {
                test[3] = attr(x, "state_ref");
            }
        } else if (object != null && n.equals("name")) {
            object[3] = attr(x, "var_ref");
            object[2] = text(x);
        } else if (state != null) {
            stateChild(x, n);
        } else if (variableValues != null && n.equals("value")) {
            variableValues.add(text(x));
        }
    }

    private void stateChild(XMLStreamReader x, String n) throws XMLStreamException {
        int slot = switch (n) {
            case "evr" -> 2;
            case "arch" -> 4;
            case "version" -> 6;
            case "signature_keyid" -> 8;
            default -> -1;
        };
        if (slot < 0) {
            return;
        }
        if (slot < 8) {
            state[slot + 1] = attr(x, "operation");
        }
        state[slot] = text(x);
    }

    private void end(String n) {
        if (def != null) {
            if (n.equals("criteria")) {
                def.closeCriteria();
            } else if (n.equals("definition")) {
                definitions.add(def.build());
                def = null;
            }
        } else if (test != null && n.endsWith("_test")) {
            tests.put(test[0], new Test(test[0], test[1], test[2], test[3]));
            test = null;
        } else if (object != null && n.endsWith("_object")) {
            objects.put(object[0], new PackageObject(object[0], object[1], object[2], object[3]));
            object = null;
        } else if (state != null && n.endsWith("_state")) {
            states.put(state[0], new PackageState(state[0], state[1], state[2], state[3], state[4], state[5],
                    state[6], state[7], state[8]));
            state = null;
        } else if (variableValues != null && n.equals("constant_variable")) {
            variables.put(variableId, List.copyOf(variableValues));
            variableValues = null;
        }
    }

    private String text(XMLStreamReader x) throws XMLStreamException {
        return shared(x.getElementText().trim());
    }

    private String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null || v.isEmpty() ? null : shared(v);
    }

    /** Free text (titles, descriptions) is not worth pooling; everything shorter is. */
    private String shared(String s) {
        return s.length() > 200 ? s : pool.computeIfAbsent(s, k -> k);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
