package org.crdl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * `crdl test` end to end, on small models written here: a failing expect exits 1 with file:line:col and both
 * numbers; a wrong-dimension expect is a compile error with a caret; the JUnit XML validates against the
 * testsuite/testcase/failure schema; editing one number of a shipped model makes it fail; expected files,
 * golden code and bad inputs are compared and rewritten by --update.
 */
class CrdlTestCommandTest {
    /** ν = 1e-9 s^-1 β (R/GV)^-0.5 without phases: at 1 GV, β = 0.72926 (protons), so ν = 7.2926e-10 s^-1. */
    private static final String MODEL = """
            model tiny "a phenomenological rate"
            scattering s { nu = 1e-9 [1/s] * beta * (R / 1 [GV])^(-0.5) }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void aFailingExpectExitsOneWithItsPlaceAndBothNumbers() throws IOException {
        // β(1 GV) = 1/sqrt(1 + (m_p c^2 / 1 GeV)^2) = 0.729256 for protons (closed form), so ν = 7.29256e-10 s^-1
        Path m = write("tiny.crdl", MODEL
                + "expect rates s at R = 1 [GV]: nu within 7.29e-10 [1/s] .. 7.30e-10 [1/s]\n"
                + "expect rates s at R = 1 [GV]: nu within 1 % of 5e-10 [1/s]\n");
        Cli.Result r = Cli.run("test", m.toString(), "--seed", "5");
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("PASS " + m + ":3:31: "), r.stdout());
        Matcher fail = Pattern.compile("FAIL " + Pattern.quote(m.toString()) + ":4:31: .*nu = (\\S+) \\[s\\^-1\\], "
                + "expected within 1 % of 5e-10 \\(off by (\\S+) %\\)").matcher(r.stdout());
        assertTrue(fail.find(), r.stdout());
        assertEquals(7.29256e-10, Double.parseDouble(fail.group(1)), 1e-15);
        assertEquals(45.85, Double.parseDouble(fail.group(2)), 0.1, "(7.29256 - 5)/5, three digits");
        assertEquals("2 passed, 1 failed", lastLine(r.stdout()), "expects and the engine check; summary last");
    }

    @Test
    void passingExpectationsExitZero() throws IOException {
        Path m = write("tiny.crdl", MODEL + "expect delta_s of s over 10 [GV] .. 100 [GV] within 0.001 of 0.5\n");
        Cli.Result r = Cli.run("test", dir.toString(), "--seed", "5");
        assertEquals(0, r.exitCode(), r.stdout());
        assertTrue(r.stdout().contains("PASS " + m + ":3:8: expect delta_s of s over"), r.stdout());
        assertEquals("2 passed, 0 failed", lastLine(r.stdout()));
    }

    @Test
    void aWrongDimensionExpectIsACompileErrorWithACaret() throws IOException {
        Path m = write("tiny.crdl", MODEL + "expect rates s at R = 1 [GV]: nu < 3 [km/s]\n");
        Cli.Result check = Cli.run("check", m.toString());
        assertEquals(1, check.exitCode());
        assertEquals(m + ":3:36: error[E0901]: the limit of nu must be [s^-1], found [cm s^-1]\n"
                + "  expect rates s at R = 1 [GV]: nu < 3 [km/s]\n"
                + "                                     ^^^^^^^^\n", check.stderr());
        Cli.Result test = Cli.run("test", m.toString(), "--seed", "5");
        assertEquals(1, test.exitCode());
        assertTrue(test.stdout().contains("FAIL " + m + ": model checks: " + m + ":3:36: the limit of nu must be"),
                test.stdout());
    }

    @Test
    void aModelWithSeveralPhasesNeedsThePhaseNamed() throws IOException {
        Path m = write("two.crdl", MODEL + "phase a { B = 1 [uG] }\nphase b { B = 2 [uG] }\n"
                + "expect rates s at R = 1 [GV]: nu > 0 [1/s]\n");
        Cli.Result check = Cli.run("check", m.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.stderr().startsWith(m + ":5:14: error[E0902]: the model has 2 phases (a, b); say which with "
                + "'in PHASE' after s\n"), check.stderr());
    }

    @Test
    void theJUnitXmlValidatesAndCountsTheChecks() throws Exception {
        Path m = write("tiny.crdl", MODEL + "expect rates s at R = 1 [GV]: nu > 1 [1/s], beta < 1\n");
        Path xml = dir.resolve("out/results.xml");
        Cli.Result r = Cli.run("test", m.toString(), "--junit", xml.toString(), "--seed", "5");
        assertEquals(1, r.exitCode());
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/testing/junit.xsd")));
        schema.newValidator().validate(new StreamSource(xml.toFile()));     // throws when the structure is wrong
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(3, doc.getElementsByTagName("testcase").getLength(), "two expects and the engine check");
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        assertEquals("3", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("nu = 7.29256e-10 [s^-1], expected > 1"),
                failure.getAttribute("message"));
        assertEquals(m + ":3:31", ((Element) failure.getParentNode()).getAttribute("classname"));
    }

    @Test
    void editingOneNumberOfAShippedModelMakesItFail() throws IOException {
        String text = Files.readString(Path.of("models/hopkins2021/empirical.crdl"), StandardCharsets.UTF_8);
        assertTrue(text.contains("D_xx within 1 % of 7.28e28 [cm^2/s]"), "the shipped expectation (digest S2)");
        Path m = write("empirical.crdl", text.replace("D_xx within 1 % of 7.28e28 [cm^2/s]",
                "D_xx within 1 % of 7.48e28 [cm^2/s]"));
        Cli.Result r = Cli.run("test", m.toString(), "--seed", "5");
        assertEquals(1, r.exitCode());
        assertTrue(r.stdout().contains("FAIL " + m + ":93:43: expect rates default_model at R = 1 GV: D_xx within 1 % "
                + "of 7.48e28 [cm^2/s]: D_xx = 7.28248e+28 [cm^2 s^-1], expected within 1 % of 7.48e+28 (off by 2.64 %)"),
                r.stdout());
        assertTrue(lastLine(r.stdout()).endsWith(" passed, 1 failed"), r.stdout());
    }

    @Test
    void expectedFilesAreComparedAndUpdateRewritesOnlyWhatDrifted() throws IOException {
        Path m = write("tiny.crdl", MODEL);
        Cli.Result rates = Cli.run("rates", m.toString(), "--rigidity", "1:100:3");
        assertEquals(0, rates.exitCode(), rates.stderr());
        Path expected = dir.resolve("tiny.s.rates.expected");
        String good = "# crdl rates tiny.crdl --rigidity 1:100:3\n# tolerance 1e-9\n" + rates.stdout();
        Files.writeString(expected, good.replace("--rigidity", "--scattering s --rigidity"));
        Cli.Result pass = Cli.run("test", m.toString(), "--seed", "5");
        assertEquals(0, pass.exitCode(), pass.stdout());
        assertTrue(pass.stdout().contains("PASS " + expected + ": rates expected: 3 rows within 1e-9"), pass.stdout());

        String drifted = Files.readString(expected).replace("7.29256", "7.39256");
        assertFalse(drifted.equals(Files.readString(expected)), "the CSV holds ν(1 GV) = 7.29256…e-10");
        Files.writeString(expected, drifted);
        Cli.Result fail = Cli.run("test", m.toString(), "--seed", "5");
        assertEquals(1, fail.exitCode());
        assertTrue(fail.stdout().contains("FAIL " + expected + ": rates expected: 1 difference: row 1 nu_s_per_s: "
                + "expected 7.39256"), fail.stdout());

        Cli.Result update = Cli.run("test", m.toString(), "--seed", "5", "--update");
        assertEquals(0, update.exitCode(), update.stdout());
        assertTrue(update.stdout().contains("PASS " + expected + ": rates expected: UPDATED (1 difference: row 1"),
                update.stdout());
        assertFalse(Files.readString(expected).contains("7.39256"));
        assertEquals(0, Cli.run("test", m.toString(), "--seed", "5").exitCode());
    }

    @Test
    void goldenCodeIsCreatedOnRequestAndDriftIsShown() throws IOException {
        Path m = write("tiny.crdl", MODEL);
        Path golden = dir.resolve("tiny.golden.java");
        assertEquals(0, Cli.run("test", m.toString(), "--seed", "5", "--update").exitCode());
        assertFalse(Files.exists(golden), "--update alone only refreshes existing golden copies");
        Cli.Result create = Cli.run("test", m.toString(), "--seed", "5", "--update", "--golden");
        assertTrue(create.stdout().contains("CREATED " + golden), create.stdout());
        assertTrue(Files.readString(golden).contains("// model tiny.crdl") || Files.readString(golden).contains("tiny.crdl"));
        Cli.Result same = Cli.run("test", m.toString(), "--seed", "5");
        assertTrue(same.stdout().contains("PASS " + m + ": generated code equals tiny.golden.java"), same.stdout());
        Files.writeString(golden, Files.readString(golden).replaceFirst("return", "return  "));
        Cli.Result drift = Cli.run("test", m.toString(), "--seed", "5");
        assertEquals(1, drift.exitCode());
        assertTrue(drift.stdout().contains("FAIL " + m + ": generated code equals tiny.golden.java: line "), drift.stdout());
    }

    @Test
    void usersBadInputsCarryTheirExpectedDiagnostics() throws IOException {
        write("oops.crdl.bad", "model oops\nlet x = 1 [m] + 1 [s]\n");
        Cli.Result missing = Cli.run("test", dir.toString(), "--seed", "5");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stdout().contains("oops.expected is missing (write it with --update)"), missing.stdout());
        Cli.Result update = Cli.run("test", dir.toString(), "--seed", "5", "--update");
        assertEquals(0, update.exitCode(), update.stdout());
        assertTrue(Files.readString(dir.resolve("oops.expected")).contains("error[E0301]"));
        Cli.Result pass = Cli.run("test", dir.toString(), "--seed", "5");
        assertTrue(pass.stdout().contains("PASS " + dir.resolve("oops.crdl.bad") + ": diagnostics of a bad input: "
                + "error[E0301]"), pass.stdout());
        Path expected = dir.resolve("oops.expected");
        String good = Files.readString(expected);
        Files.writeString(expected, good.replace("1 [s]", "2 [s]"));
        Cli.Result changed = Cli.run("test", dir.toString(), "--seed", "5");
        assertTrue(changed.stdout().contains("FAIL " + dir.resolve("oops.crdl.bad") + ": diagnostics of a bad input: "
                + "line 2: expected 'let x = 1 [m] + 2 [s]', got 'let x = 1 [m] + 1 [s]'"), changed.stdout());
        Files.writeString(expected, good);
        Files.writeString(dir.resolve("oops.crdl.bad"), "model oops\nlet x = 1 [m] + 1 [m]\n");
        Cli.Result fixed = Cli.run("test", dir.toString(), "--seed", "5");
        assertTrue(fixed.stdout().contains("FAIL " + dir.resolve("oops.crdl.bad") + ": diagnostics of a bad input: "
                + "exit code 0, expected 1"), fixed.stdout());
    }

    @Test
    void badUsageIsReportedWithoutAStackTrace() {
        Cli.Result r = Cli.run("test", "no/such/folder");
        assertEquals(1, r.exitCode());
        assertEquals("error: no such file or folder: no/such/folder\n", r.stderr());
        Cli.Result e = Cli.run("test", ".", "--engine", "fast");
        assertEquals(1, e.exitCode());
        assertTrue(e.stderr().contains("--engine is 'compiled', 'interpreted' or 'both'"), e.stderr());
    }
}
