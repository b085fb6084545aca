package io.clair.core.oval;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The expected content of a (small, real) OVAL file read independently of the streaming reader: a DOM and XPath,
 * following the OVAL schema directly. Tests compare the parsers' records with what this finds.
 */
public final class OvalXPath {
    private static final Pattern MODULE = Pattern.compile("Module (.+) is enabled");

    /** One definition's metadata as the file states it. */
    public record Def(String id, String title, String description, String severity, String issued,
            List<String> platforms, List<String> links, List<Pkg> packages) {
    }

    /** One rpm criterion of a definition: what the test's object and state say. */
    public record Pkg(String name, String module, String evr, String arch, String archOperation) {
    }

    private final Document doc;
    private final XPath xp = XPathFactory.newInstance().newXPath();

    public OvalXPath(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        this.doc = f.newDocumentBuilder().parse(in);
    }

    public int count(String localName) throws XPathExpressionException {
        return ((Number) xp.evaluate("count(//*[local-name()='" + localName + "'])", doc, XPathConstants.NUMBER))
                .intValue();
    }

    /** Every definition with its rpm criteria: rpminfo tests on rpminfo objects whose state, if any, has an evr. */
    public List<Def> definitions() throws XPathExpressionException, IOException {
        List<Def> out = new ArrayList<>();
        NodeList defs = nodes(doc, "//*[local-name()='definition']");
        for (int i = 0; i < defs.getLength(); i++) {
            Element d = (Element) defs.item(i);
            List<String> modules = new ArrayList<>();
            NodeList crits = nodes(d, ".//*[local-name()='criterion']");
            for (int c = 0; c < crits.getLength(); c++) {
                Matcher m = MODULE.matcher(((Element) crits.item(c)).getAttribute("comment"));
                if (m.find()) {
                    modules.add(m.group(1));
                }
            }
            if (modules.isEmpty()) {
                modules.add("");
            }
            List<Pkg> pkgs = new ArrayList<>();
            for (int c = 0; c < crits.getLength(); c++) {
                Element test = byId(((Element) crits.item(c)).getAttribute("test_ref"));
                if (test == null || !test.getLocalName().equals("rpminfo_test")) {
                    continue;
                }
                Element obj = byId(str(test, "*[local-name()='object']/@object_ref"));
                String stateRef = str(test, "*[local-name()='state']/@state_ref");
                Element state = stateRef.isEmpty() ? null : byId(stateRef);
                String evr = state == null ? "" : str(state, "*[local-name()='evr']");
                String op = state == null ? "" : str(state, "*[local-name()='evr']/@operation");
                if (state != null && (evr.isEmpty() || !(op.isEmpty() || op.equals("less than")))) {
                    continue;
                }
                String arch = state == null ? "" : str(state, "*[local-name()='arch']");
                String archOp = state == null ? "" : str(state, "*[local-name()='arch']/@operation");
                for (String module : modules) {
                    pkgs.add(new Pkg(str(obj, "*[local-name()='name']"), module, evr.trim(), arch.trim(), archOp));
                }
            }
            LinkedHashSet<String> links = new LinkedHashSet<>();
            NodeList l = nodes(d, ".//*[local-name()='reference']/@ref_url | .//*[local-name()='cve']/@href"
                    + " | .//*[local-name()='bugzilla']/@href | .//*[local-name()='ref']/text()"
                    + " | .//*[local-name()='bug']/text()");
            for (int k = 0; k < l.getLength(); k++) {
                links.add(l.item(k).getNodeValue().trim());
            }
            List<String> platforms = new ArrayList<>();
            NodeList p = nodes(d, ".//*[local-name()='affected']/*[local-name()='platform']");
            for (int k = 0; k < p.getLength(); k++) {
                platforms.add(p.item(k).getTextContent().trim());
            }
            out.add(new Def(d.getAttribute("id"), str(d, ".//*[local-name()='title']").trim(),
                    str(d, ".//*[local-name()='metadata']/*[local-name()='description']").trim(),
                    str(d, ".//*[local-name()='advisory']/*[local-name()='severity']").trim(),
                    str(d, ".//*[local-name()='advisory']/*[local-name()='issued']/@date"), platforms,
                    List.copyOf(links), pkgs));
        }
        return out;
    }

    private Element byId(String id) throws XPathExpressionException {
        NodeList n = nodes(doc, "//*[@id='" + id + "' and local-name()!='definition']");
        return n.getLength() == 0 ? null : (Element) n.item(0);
    }

    private NodeList nodes(Node ctx, String expr) throws XPathExpressionException {
        return (NodeList) xp.evaluate(expr, ctx, XPathConstants.NODESET);
    }

    private String str(Node ctx, String expr) throws XPathExpressionException {
        return (String) xp.evaluate(expr, ctx, XPathConstants.STRING);
    }
}
