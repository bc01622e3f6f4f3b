package org.crdl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The results as JUnit XML, the format CI servers read: {@code <testsuites>} with one {@code <testsuite>}
 * per category (expect, rates-expected, …), a {@code <testcase>} per check (classname: the file, name: the
 * check) and a {@code <failure message=…>} in each failed one.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(Path file, List<CheckResult> results, long seed) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("testsuites");
            root.setAttribute("name", "crdl test");
            root.setAttribute("tests", Integer.toString(results.size()));
            root.setAttribute("failures", Long.toString(results.stream().filter(r -> !r.passed()).count()));
            root.setAttribute("time", seconds(results.stream().mapToDouble(CheckResult::seconds).sum()));
            doc.appendChild(root);
            for (CheckResult.Category c : CheckResult.Category.values()) {
                List<CheckResult> mine = results.stream().filter(r -> r.category() == c).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                Element suite = doc.createElement("testsuite");
                suite.setAttribute("name", "crdl." + c.label);
                suite.setAttribute("tests", Integer.toString(mine.size()));
                suite.setAttribute("failures", Long.toString(mine.stream().filter(r -> !r.passed()).count()));
                suite.setAttribute("errors", "0");
                suite.setAttribute("skipped", "0");
                suite.setAttribute("time", seconds(mine.stream().mapToDouble(CheckResult::seconds).sum()));
                Element props = doc.createElement("properties");
                Element seedProp = doc.createElement("property");
                seedProp.setAttribute("name", "seed");
                seedProp.setAttribute("value", Long.toString(seed));
                props.appendChild(seedProp);
                suite.appendChild(props);
                for (CheckResult r : mine) {
                    Element tc = doc.createElement("testcase");
                    tc.setAttribute("classname", r.where());
                    tc.setAttribute("name", r.name());
                    tc.setAttribute("time", seconds(r.seconds()));
                    if (!r.passed()) {
                        Element f = doc.createElement("failure");
                        f.setAttribute("message", r.message());
                        f.setAttribute("type", c.label);
                        f.setTextContent(r.line());
                        tc.appendChild(f);
                    }
                    suite.appendChild(tc);
                }
                root.appendChild(suite);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(file.toFile()));
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
