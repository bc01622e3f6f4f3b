package org.crdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdl.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `crdl eval` prints one line: the value in cgs and its unit (DESIGN §5). */
class EvalCommandTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void writeModel() throws IOException {
        model = dir.resolve("m.crdl");
        Files.writeString(model, """
                phase unit_cell { n = 1 [cm^-3]  T = 1e4 [K]  B = 1 [uG] }
                phase warm { n = 0.2 [cm^-3]  T = 1e4 [K]  B = 6 [uG]  e_cr = 0.6 [eV cm^-3] * (R / 1 [GV])^-0.7 }
                """);
    }

    private static String eval(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "eval";
        all[1] = model.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        Cli.Result r = Cli.run(all);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().strip();
    }

    @Test
    void printsValueAndCgsUnit() {
        // hopkins2022 digest §2.1: v_A,ideal = 2.18 km/s at n = 1 cm^-3, 1 uG; e_B(1 uG) = 3.98e-14 erg cm^-3
        assertEquals("2.18e+05 cm s^-1", eval("--phase", "unit_cell", "v_A_ideal"));
        assertEquals("3.98e-14 erg cm^-3", eval("--phase", "unit_cell", "e_B"));
        // r_g(1 GV, 1 uG) = 3.336e12 cm (DESIGN §7)
        assertEquals("3.336e+12 cm", eval("--phase", "unit_cell", "--precision", "4", "r_g"));
        assertEquals("2.93e+06 cm s^-1", eval("--phase", "warm", "v_A_ideal"));
    }

    @Test
    void rigidityDependentFieldsFollowTheAtPoint() {
        // e_cr = 0.6 eV cm^-3 (R/GV)^-0.7 at R = 10 GV: 0.6 * 10^-0.7 eV cm^-3 = 1.2e-1 eV = 1.92e-13 erg cm^-3
        assertEquals("1.92e-13 erg cm^-3", eval("--phase", "warm", "--at", "R=10GV", "e_cr"));
        assertEquals("1.92e-13 erg cm^-3", eval("--phase", "warm", "--at", "R=10000 MV,species=p", "e_cr"));
    }

    @Test
    void constantsNeedNoPhase() {
        assertEquals("3.09e+21 cm", eval("1 [kpc]"));
        assertEquals("1.00e+00", eval("1 [km/s] / (1e5 [cm/s])"));
    }

    @Test
    void mistakesInTheExpressionAreDiagnostics() {
        Cli.Result r = Cli.run("eval", model.toString(), "--phase", "unit_cell", "v_A_idael");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("<EXPR>:1:1: error[E0201]: unknown name 'v_A_idael'; did you mean 'v_A_ideal'?"),
                r.stderr());
        Cli.Result p = Cli.run("eval", model.toString(), "--phase", "nowhere", "n");
        assertEquals(2, p.exitCode(), "an unknown --phase is a usage error");
        assertTrue(p.stderr().contains("has no phase 'nowhere'"), p.stderr());
    }
}
