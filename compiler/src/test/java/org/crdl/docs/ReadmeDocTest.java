package org.crdl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crdl.Cli;
import org.crdl.cli.Main;
import picocli.CommandLine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README and every {@code docs/*.md} are tested from their own text (nothing here lists
 * what they contain, so a new section is tested as soon as it is written):
 * <ul>
 *   <li>every shell command {@code ./crdl …} / {@code crdl …} in a code block runs in-process and
 *       exits 0 (or the code of a {@code <!-- doc-test: exit N -->} comment before the block);
 *       output files ({@code --out}, {@code --plot}, the default {@code out/<model>}, the run
 *       folders {@code crdl plot} reads) go to a temporary folder; {@code python3} lines run there after the crdl commands of the same
 *       file when python3 with astropy is installed; {@code mvn}, {@code java}, {@code pip} lines
 *       are not run (they are the build itself);</li>
 *   <li>a plain code block right after a command block is that command's output: each of its
 *       lines must match a line the command printed, numbers within the precision they are
 *       quoted at, {@code …} standing for any cells;</li>
 *   <li>a {@code crdl} block is checked with {@code crdl check} as a model file of its own; one
 *       preceded by {@code <!-- doc-test: continues -->} is appended to the model of the blocks
 *       before it; one preceded by {@code <!-- doc-test: excerpt of PATH -->} must appear, line by
 *       line (whitespace aside), in PATH, which must check;</li>
 *   <li>each {@code crdl CMD … --option} synopsis in inline code names options that
 *       {@code crdl CMD --help} lists; every image linked exists.</li>
 * </ul>
 */
class ReadmeDocTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)\\n(.*?)^```\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("<!--\\s*doc-test:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern SYNOPSIS = Pattern.compile("`crdl ([a-z]+)((?: [^`]*)?)`");
    private static final Pattern OPTION = Pattern.compile("(--[a-z][a-z-]*)");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^]]*]\\(([^)\\s]+)\\)");

    /** A fenced block: language, text, the doc-test directive before it (or ""), line number. */
    record Block(String lang, String text, String directive, int line, int start, int end) {
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        if (Files.isDirectory(Path.of("docs"))) {
            try (Stream<Path> s = Files.list(Path.of("docs"))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    static List<Block> blocks(String md) {
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(md);
        while (m.find()) {
            String before = md.substring(0, m.start()).stripTrailing();
            String lastLine = before.substring(before.lastIndexOf('\n') + 1);
            Matcher d = DIRECTIVE.matcher(lastLine);
            int line = (int) md.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            out.add(new Block(m.group(1), m.group(2), d.find() ? d.group(1) : "", line, m.start(), m.end()));
        }
        return out;
    }

    /** Shell commands of a block: continuation lines joined, comments and blank lines dropped. */
    static List<String> commands(String text) {
        List<String> cmds = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String raw : text.split("\n")) {
            String l = raw.strip();
            if (cur.length() == 0 && (l.isEmpty() || l.startsWith("#"))) {
                continue;
            }
            if (l.endsWith("\\")) {
                cur.append(l.substring(0, l.length() - 1).strip()).append(' ');
            } else {
                cmds.add(cur.append(l).toString().strip());
                cur.setLength(0);
            }
        }
        return cmds;
    }

    static boolean isCommandBlock(Block b) {
        if (!b.lang().isEmpty() && !List.of("sh", "bash", "shell", "console").contains(b.lang())) {
            return false;
        }
        List<String> cmds = commands(b.text());
        return !cmds.isEmpty() && cmds.stream().allMatch(ReadmeDocTest::isShellLine);
    }

    private static boolean isShellLine(String c) {
        return c.startsWith("./crdl ") || c.startsWith("crdl ") || c.equals("./crdl") || c.startsWith("mvn ")
                || c.startsWith("python3 ") || c.startsWith("pip ") || c.startsWith("java ") || c.startsWith("source ")
                || c.startsWith(". <(") || c.startsWith("cd ") || c.startsWith("ls ");
    }

    /** Shell-style words: single and double quotes group, backslash-free. */
    static List<String> words(String cmd) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : cmd.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0 || any) {
                    w.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || any) {
            w.add(cur.toString());
        }
        return w;
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentRunsAsWritten() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : documents()) {
            tests.add(DynamicTest.dynamicTest(doc.toString(), () -> checkDocument(doc)));
        }
        return tests.stream();
    }

    private static void checkDocument(Path doc) throws IOException, InterruptedException {
        String md = Files.readString(doc, StandardCharsets.UTF_8);
        Path tmp = Files.createTempDirectory("crdl-doc");
        List<String> problems = new ArrayList<>();
        List<Block> blocks = blocks(md);
        StringBuilder model = new StringBuilder();
        List<String> python = new ArrayList<>();
        int commandsRun = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String where = doc + ":" + b.line();
            if (b.lang().equals("crdl")) {
                checkSnippet(b, model, tmp, where, problems);
            } else if (isCommandBlock(b)) {
                int expectedExit = b.directive().startsWith("exit ") ? Integer.parseInt(b.directive().substring(5).trim()) : 0;
                StringBuilder stdout = new StringBuilder();
                for (String cmd : commands(b.text())) {
                    if (cmd.startsWith("python3 ")) {
                        python.add(cmd);
                    } else if (cmd.startsWith("./crdl") || cmd.startsWith("crdl ")) {
                        Cli.Result r = Cli.run(redirect(words(cmd).subList(1, words(cmd).size()), tmp));
                        commandsRun++;
                        stdout.append(r.stdout());
                        if (r.exitCode() != expectedExit) {
                            problems.add(where + ": `" + cmd + "` exited " + r.exitCode() + " (expected " + expectedExit
                                    + "): " + r.stderr().lines().limit(5).toList());
                        }
                    }
                }
                // the command's output: a plain block right after it (nothing but blank lines between)
                if (i + 1 < blocks.size() && blocks.get(i + 1).lang().isEmpty() && !isCommandBlock(blocks.get(i + 1))
                        && md.substring(b.end(), blocks.get(i + 1).start()).isBlank() && stdout.length() > 0) {
                    checkQuotedOutput(blocks.get(i + 1), stdout.toString(), doc + ":" + blocks.get(i + 1).line(), problems);
                    i++;
                }
            }
        }
        runPython(python, tmp, doc, problems);
        checkSynopses(md, doc, problems);
        Matcher img = IMAGE.matcher(md);
        while (img.find()) {
            Path p = doc.toAbsolutePath().getParent().resolve(img.group(1));
            if (!img.group(1).startsWith("http") && !Files.exists(p)) {
                problems.add(doc + ": image " + img.group(1) + " does not exist");
            }
        }
        if (doc.getFileName().toString().equals("README.md")) {
            assertTrue(commandsRun >= 3, "the README's crdl commands were found and run: " + commandsRun);
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in " + doc + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** The command's arguments with its output files moved into {@code tmp}. */
    static String[] redirect(List<String> args, Path tmp) throws IOException {
        List<String> a = new ArrayList<>(args);
        for (int k = 0; k + 1 < a.size(); k++) {
            if (a.get(k).equals("--plot") || a.get(k).equals("--out")) {
                a.set(k + 1, tmp.resolve(a.get(k + 1)).toString());
            }
        }
        if (!a.isEmpty() && a.get(0).equals("run") && !a.contains("--out") && a.size() > 1) {
            Matcher m = Pattern.compile("(?m)^\\s*model\\s+(\\w+)").matcher(Files.readString(Path.of(a.get(1))));
            a.add("--out");
            a.add(tmp.resolve("out").resolve(m.find() ? m.group(1) : "model").toString());
        }
        if (!a.isEmpty() && a.get(0).equals("plot")) {   // its positional arguments are run output folders
            for (int k = 1; k < a.size(); k++) {
                if (a.get(k).startsWith("-")) {
                    k++;
                } else {
                    a.set(k, tmp.resolve(a.get(k)).toString());
                }
            }
        }
        if (!a.isEmpty() && a.get(0).equals("new")) {
            for (int k = 1; k < a.size(); k++) {
                if (!a.get(k).startsWith("-")) {
                    a.set(k, tmp.resolve(a.get(k)).toString());
                    break;
                }
            }
        }
        return a.toArray(new String[0]);
    }

    private static void checkSnippet(Block b, StringBuilder model, Path tmp, String where, List<String> problems)
            throws IOException {
        String d = b.directive();
        if (d.startsWith("excerpt of ")) {
            Path file = Path.of(d.substring("excerpt of ".length()).trim());
            if (!Files.exists(file)) {
                problems.add(where + ": excerpt of a missing file " + file);
                return;
            }
            String source = squash(Files.readString(file));
            for (String line : b.text().split("\n")) {
                String l = squash(line.replaceAll("//.*$", ""));
                if (!l.isEmpty() && !source.contains(l)) {
                    problems.add(where + ": line not in " + file + ": " + line.strip());
                }
            }
            Cli.Result r = Cli.run("check", file.toString());
            if (r.exitCode() != 0) {
                problems.add(where + ": " + file + " does not check: " + r.stderr().lines().limit(3).toList());
            }
            return;
        }
        if (!d.equals("continues")) {
            model.setLength(0);
        }
        model.append(b.text()).append('\n');
        // a snippet's `use "../x/y.crdl"` resolves as if it lived in models/<dir>/
        Path dir = tmp.resolve("models").resolve("doc");   // under a models/ folder: ../hopkins2022 is a root
        Files.createDirectories(dir);
        // copies, not links: imports are read only below the model's roots after following links
        try (Stream<Path> s = Files.walk(Path.of("models"))) {
            for (Path m : s.filter(p -> p.toString().endsWith(".crdl")).toList()) {
                Path copy = dir.getParent().resolve(Path.of("models").relativize(m).toString());
                if (!Files.exists(copy)) {
                    Files.createDirectories(copy.getParent());
                    Files.copy(m, copy);
                }
            }
        }
        Path f = dir.resolve("snippet_" + b.line() + ".crdl");
        String text = model.toString();
        if (!text.stripLeading().startsWith("model")) {
            text = "model doc_snippet\n" + text;
        }
        Files.writeString(f, text);
        Cli.Result r = Cli.run("check", f.toString());
        if (r.exitCode() != 0) {
            problems.add(where + ": crdl snippet does not check (add <!-- doc-test: continues --> or "
                    + "<!-- doc-test: excerpt of FILE --> before a fragment):\n    "
                    + String.join("\n    ", r.stderr().lines().limit(6).toList()));
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Each quoted output line matches some printed line: text exactly, numbers to their quoted precision. */
    static void checkQuotedOutput(Block out, String stdout, String where, List<String> problems) {
        List<String> printed = stdout.lines().toList();
        for (String q : out.text().split("\n")) {
            if (q.isBlank()) {
                continue;
            }
            if (printed.stream().noneMatch(p -> lineMatches(q, p))) {
                problems.add(where + ": quoted output not printed: " + q.strip());
            }
        }
    }

    static boolean lineMatches(String quoted, String printed) {
        String sep = quoted.contains(",") ? "," : "\\s+";
        List<String> e = List.of(quoted.strip().split(sep));
        List<String> a = List.of(printed.strip().split(sep));
        int j = 0;
        for (int i = 0; i < e.size(); i++) {
            String t = e.get(i).strip();
            if (t.equals("…") || t.equals("...")) {
                if (i == e.size() - 1) {
                    return true;
                }
                String next = e.get(i + 1).strip();
                while (j < a.size() && !tokenMatches(next, a.get(j).strip())) {
                    j++;
                }
                continue;
            }
            if (j >= a.size() || !tokenMatches(t, a.get(j).strip())) {
                return false;
            }
            j++;
        }
        return j == a.size();
    }

    /** Equal text, or a number equal to the printed one rounded to the quoted number of digits. */
    static boolean tokenMatches(String quoted, String printed) {
        if (quoted.equals(printed)) {
            return true;
        }
        Matcher m = Pattern.compile("-?(\\d*)\\.?(\\d*)(?:[eE]([-+]?\\d+))?").matcher(quoted);
        if (!m.matches() || quoted.isEmpty()) {
            return false;
        }
        try {
            double q = Double.parseDouble(quoted);
            double p = Double.parseDouble(printed);
            int exp = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            double half = 0.5 * Math.pow(10, exp - m.group(2).length());
            return Math.abs(p - q) <= half * (1 + 1e-9);
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static void runPython(List<String> lines, Path tmp, Path doc, List<String> problems)
            throws IOException, InterruptedException {
        if (lines.isEmpty() || !astropy()) {
            return;
        }
        for (String l : lines) {
            List<String> w = words(l);
            Process p = new ProcessBuilder(w).directory(tmp.toFile()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                problems.add(doc + ": `" + l + "` failed: " + text);
            }
        }
    }

    private static boolean astropy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import astropy.table").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** `crdl CMD … --opt` in inline code: CMD exists and lists every --opt in its help. */
    private static void checkSynopses(String md, Path doc, List<String> problems) {
        String inline = md.replaceAll("(?ms)^```.*?^```", "");
        Matcher m = SYNOPSIS.matcher(inline);
        while (m.find()) {
            CommandLine sub = new CommandLine(new Main()).getSubcommands().get(m.group(1));
            if (sub == null) {
                problems.add(doc + ": `crdl " + m.group(1) + "`: no such command");
                continue;
            }
            Matcher o = OPTION.matcher(m.group(2));
            while (o.find()) {
                if (!sub.getCommandSpec().optionsMap().containsKey(o.group(1))) {
                    problems.add(doc + ": `crdl " + m.group(1) + "` has no option " + o.group(1));
                }
            }
        }
    }

    // ---- the test's own parsing, checked on small inputs -------------------------------------

    @org.junit.jupiter.api.Test
    void quotedNumbersMatchToTheirPrecision() {
        assertTrue(lineMatches("10.0,0.9956,1.352e-06,…,1.47,…", "10.0,0.99558,1.35216e-06,5,6,1.4712,x,y"));
        assertTrue(!lineMatches("10.0,0.9956,…", "10.0,0.9950,1"));
        assertTrue(lineMatches("B/C  AMS.txt  TOA  0.99  57", "B/C AMS.txt TOA 0.9949 57"));
        assertTrue(!lineMatches("B/C  AMS.txt  TOA  0.99  57", "B/C AMS.txt TOA 0.9849 57"));
        assertEquals(List.of("run", "a b", "--set", "D0=2e28 [cm^2/s]"), words("run 'a b' --set \"D0=2e28 [cm^2/s]\""));
        assertEquals(List.of("./crdl rates x --phase a --plot r.png"), commands("./crdl rates x \\\n    --phase a --plot r.png\n"));
    }
}
