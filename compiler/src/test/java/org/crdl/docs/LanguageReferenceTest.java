package org.crdl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdl.Cli;
import org.crdl.Models;
import org.crdl.diag.Code;
import org.crdl.ir.Fn;
import org.crdl.runtime.particles.ResonanceQuantity;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Dimension;
import org.crdl.runtime.units.PhysicalConstant;
import org.crdl.runtime.units.UnitTable;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md cannot drift from the checker: its generated sections (built-in names,
 * functions, units, diagnostic codes with their example) equal what the checker's tables give
 * today (rewritten with -Dcrdl.update=true), and every item the checker accepts in a galaxy,
 * transport, layer, source, energies, observe, environment or scattering block — read from the
 * checker's own "unknown item … (the items are …)" diagnostics — and every declaration keyword is
 * documented.
 */
class LanguageReferenceTest {
    private static final Path DOC = Path.of("docs", "language.md");
    private static final Pattern SECTION = Pattern.compile(
            "(?s)(<!-- generated: (\\w+) -->\\n)(.*?)(<!-- end generated -->)");

    static Map<String, String> generated() throws IOException {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("builtins", builtins());
        g.put("functions", functions());
        g.put("units", units());
        g.put("diagnostics", diagnostics());
        return g;
    }

    private static String unit(Dimension d) {
        return d.isNone() ? "1" : d.toString();
    }

    private static String builtins() {
        StringBuilder sb = new StringBuilder("## Built-in names (generated)\n\n"
                + "Names every expression may use, with their cgs unit. Phase-derived quantities need the\n"
                + "phase fields they are computed from; resonance names need a rigidity (`crdl eval … --at R=10GV`).\n\n"
                + "| name | unit (cgs) | meaning |\n|---|---|---|\n");
        for (PlasmaQuantity q : PlasmaQuantity.values()) {
            sb.append("| `").append(q.symbol()).append("` | ").append(unit(q.dimension())).append(" | phase: ")
                    .append(q.formula()).append(" |\n");
        }
        for (ResonanceQuantity q : ResonanceQuantity.values()) {
            sb.append("| `").append(q.symbol()).append("` | ").append(unit(q.dimension())).append(" | resonance: ")
                    .append(q.description()).append(" |\n");
        }
        sb.append("| `e_cr` | ").append(unit(Dimension.ENERGY_DENSITY)).append(" | CR state: CR energy density at R |\n");
        sb.append("| `P_cr` | ").append(unit(Dimension.ENERGY_DENSITY)).append(" | CR state: CR pressure at R |\n");
        sb.append("| `ell_grad` | ").append(unit(Dimension.LENGTH)).append(" | CR state: CR gradient scale length |\n");
        sb.append("| `e` | ").append(unit(Dimension.ENERGY_DENSITY))
                .append(" | the wave energy density a scattering block solves for |\n");
        sb.append("| `k` | ").append(unit(Dimension.WAVENUMBER)).append(" | environments: fast-mode wavenumber |\n");
        sb.append("| `cos_theta` | 1 | environments: k_∥/k |\n");
        for (PhysicalConstant c : PhysicalConstant.values()) {
            sb.append("| `").append(c.symbol()).append("` | ").append(unit(c.dimension())).append(" | constant: ")
                    .append(c.description()).append(String.format(" = %.6g", c.value())).append(" |\n");
        }
        return sb.toString();
    }

    private static String functions() {
        StringBuilder sb = new StringBuilder("## Functions (generated)\n\n| function | arguments | unit |\n|---|---|---|\n");
        for (Fn f : Fn.values()) {
            String args = f.arity() < 0 ? "two or more, of one unit" : f.arity() + (f.arity() == 1 ? " argument" : " arguments");
            sb.append("| `").append(f.symbol()).append("` | ").append(args).append(" | ")
                    .append(f.needsDimensionless() ? "dimensionless in, dimensionless out"
                            : f.symbol().equals("sqrt") ? "square root of the argument's unit" : "the arguments' unit")
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String units() {
        StringBuilder sb = new StringBuilder("## Units (generated)\n\n"
                + "SI prefixes P T G M k c m u/mu/μ n p f apply where marked (`kpc`, `uG` = `muG` = `μG`, `GV`, `mb`).\n\n"
                + "| unit | cgs value | dimension | meaning | prefixes |\n|---|---|---|---|---|\n");
        for (String s : UnitTable.baseSymbols()) {
            var u = UnitTable.lookup(s).orElseThrow();
            boolean prefixable = UnitTable.lookup("k" + s).isPresent() && !s.equals("in");
            sb.append("| `").append(s).append("` | ").append(String.format("%.6g", u.factor())).append(" | ")
                    .append(u.dimension().isNone() ? "1" : u.dimension().toString()).append(" | ").append(u.description())
                    .append(" | ").append(prefixable ? "yes" : "no").append(" |\n");
        }
        return sb.toString();
    }

    private static String diagnostics() throws IOException {
        Map<String, String[]> examples = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>(Models.errors());
        inputs.addAll(Models.warnings());
        for (Path in : inputs) {
            String name = in.getFileName().toString().replaceAll("\\.crdl\\.(bad|warn)$", "");
            Path exp = in.resolveSibling(name + ".expected");
            if (!Files.exists(exp)) {
                continue;
            }
            List<String> lines = Files.readAllLines(exp, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = Pattern.compile(": (?:error|warning)\\[(\\w+)]: (.*)$").matcher(lines.get(i));
                if (m.find() && !examples.containsKey(m.group(1))) {
                    String src = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                    examples.put(m.group(1), new String[] {in.toString().replace('\\', '/'), src, m.group(2)});
                }
            }
        }
        StringBuilder sb = new StringBuilder("## Diagnostics (generated)\n\n"
                + "Every code `crdl check` reports, with the example input under `models/errors/` that shows it.\n\n"
                + "| code | message | example |\n|---|---|---|\n");
        for (Code c : Code.values()) {
            String[] ex = examples.get(c.id());
            sb.append("| ").append(c.id()).append(" | ").append(cell(c.template().replace("''", "'"))).append(" | ")
                    .append(ex == null ? "— (no example file; a generated or unreadable input)" : "`" + ex[0] + "`: `" + cell(ex[1]) + "` → " + cell(ex[2])).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }

    @Test
    void generatedSectionsAreCurrent() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, String> g = generated();
        StringBuilder out = new StringBuilder();
        Matcher m = SECTION.matcher(doc);
        int last = 0;
        int found = 0;
        while (m.find()) {
            assertTrue(g.containsKey(m.group(2)), "unknown generated section " + m.group(2));
            out.append(doc, last, m.start()).append(m.group(1)).append(g.get(m.group(2))).append(m.group(4));
            last = m.end();
            found++;
        }
        out.append(doc.substring(last));
        assertEquals(g.size(), found, "every generated section is in " + DOC);
        if (Models.update()) {
            Files.writeString(DOC, out.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(out.toString(), doc, DOC + " is out of date with the checker's tables; run mvn -B verify "
                + "-Dcrdl.update=true and review the diff");
    }

    /** A model that uses an unknown item in every generic block: the checker lists what it accepts. */
    private static final String PROBE = """
            model probe
            scattering d { D_xx = 1e28 [cm^2/s] }
            scattering q { zzz = 1 }
            galaxy g {
              zzz = 1
              transport flat_halo { H = 4 [kpc]  h = 100 [pc]  n_disk = 1 [cm^-3]  zzz = 2 }
              scattering d
              source s { zzz = 1 }
              energies { zzz = 1 }
            }
            galaxy b { transport leaky_box { zzz = 1 } }
            galaxy l { transport layers { zzz = 1  disk { zzz = 1 }  layer w { zzz = 1 } } }
            observe B/C { zzz = 1 }
            environment e { zzz = 1 }
            """;

    @Test
    void everyItemTheCheckerAcceptsIsDocumented() throws IOException {
        Path f = Files.createTempFile("probe", ".crdl");
        Files.writeString(f, PROBE);
        Cli.Result r = Cli.run("check", f.toString());
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("unknown (?:item in|setting '\\w+' in) ([^'(]*?)(?: '\\w+')? \\(the (?:items|settings) are ([^)]*)\\)")
                .matcher(r.stderr());
        List<String> missing = new ArrayList<>();
        int lists = 0;
        while (m.find()) {
            lists++;
            for (String item : m.group(2).replace(" and ", ", ").split(",\\s*")) {
                if (!doc.contains("`" + item.strip() + "`") && !doc.contains("`" + item.strip() + " ")) {
                    missing.add(m.group(1).strip() + ": " + item.strip());
                }
            }
        }
        assertTrue(lists >= 10, "the probe drew the item lists of the blocks: " + r.stderr());
        assertEquals(List.of(), missing, "items the checker accepts but " + DOC + " does not document");
        // declarations: the list of E0007
        String decls = Code.EMPTY_FILE.template().replaceAll(".*expected ", "").replace(" or ", ", ");
        for (String d : decls.split(",\\s*")) {
            assertTrue(doc.contains("| `" + d.strip() + "` |"), "declaration " + d + " has a row in " + DOC);
        }
        Files.delete(f);
    }
}
