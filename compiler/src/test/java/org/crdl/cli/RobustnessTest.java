package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input: a diagnostic and exit 1, never a crash, hang or stack trace. */
class RobustnessTest {
    @TempDir
    Path dir;

    private Cli.Result check(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        Cli.Result r = Cli.run("check", f.toString());
        assertEquals(1, r.exitCode(), name + ": exit code; stderr was\n" + r.stderr());
        assertTrue(r.stderr().contains(": error[E"), name + ": a diagnostic with a code; stderr was\n" + r.stderr());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat ")
                || r.stderr().contains("internal error"), name + ": no stack trace or internal error");
        return r;
    }

    private Cli.Result check(String name, String text) throws IOException {
        return check(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tenThousandNestedParentheses() throws IOException {
        Cli.Result r = check("deep.crdl", "let x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n");
        assertTrue(r.stderr().contains("E0008"), r.stderr());
    }

    @Test
    void tenThousandUnaryMinusesAreFineOrReported() throws IOException {
        Path f = dir.resolve("minus.crdl");
        Files.writeString(f, "let x = " + "- ".repeat(10_000) + "1\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("internal error"), r.stderr());
    }

    @Test
    void oneMegabyteOfRandomBytes() throws IOException {
        byte[] junk = new byte[1 << 20];
        new Random(42).nextBytes(junk);
        Cli.Result r = check("random.crdl", junk);
        assertTrue(r.stderr().contains("E0006"), "reported as not UTF-8: " + r.stderr());
    }

    @Test
    void oneMegabyteOfRandomPrintableText() throws IOException {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < (1 << 20)) {
            sb.append((char) (32 + random.nextInt(95)));
            if (random.nextInt(60) == 0) {
                sb.append('\n');
            }
        }
        Cli.Result r = check("printable.crdl", sb.toString());
        assertTrue(r.stderr().lines().filter(l -> l.contains(": error[")).count() <= 60,
                "errors are capped per file");
    }

    @Test
    void onlyAByteOrderMark() throws IOException {
        Cli.Result r = check("bom.crdl", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertTrue(r.stderr().contains("E0007"), r.stderr());
    }

    @Test
    void unterminatedCommentAndString() throws IOException {
        assertTrue(check("comment.crdl", "let a = 1\n/* no end").stderr().contains("E0003"));
        assertTrue(check("string.crdl", "model m \"no end\nlet a = 1\n").stderr().contains("E0002"));
    }

    @Test
    void nulBytes() throws IOException {
        Cli.Result r = check("nul.crdl", "let a\u0000 = 1\n");
        assertTrue(r.stderr().contains("U+0000"), r.stderr());
    }

    @Test
    void veryLongIdentifier() throws IOException {
        Cli.Result r = check("long.crdl", "let " + "x".repeat(100_000) + " = 1\n");
        assertTrue(r.stderr().contains("E0011"), "name too long");
        assertTrue(r.stderr().length() < 20_000, "the message does not echo 100k characters... it is "
                + r.stderr().length());
    }

    @Test
    void missingFileIsAnErrorNotACrash() {
        Cli.Result r = Cli.run("check", dir.resolve("nope.crdl").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("E0010"), r.stderr());
    }

    @Test
    void aThousandBadLinesStopAfterFiftyErrors() throws IOException {
        Cli.Result r = check("many.crdl", "let a = 1 $\n".repeat(1000));
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("E0009"), "too many errors");
        long errors = r.stderr().lines().filter(l -> l.contains(": error[")).count();
        assertTrue(errors <= 52, "stops early: " + errors + " errors printed");
    }
}
