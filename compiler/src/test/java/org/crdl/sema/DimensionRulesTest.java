package org.crdl.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;
import org.crdl.ir.Program;
import org.crdl.runtime.units.Dimension;
import org.junit.jupiter.api.Test;

/** Dimension inference on small programs: what type-checks and what dimension comes out. */
class DimensionRulesTest {

    private static Program ok(String text) {
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("t.crdl", text));
        assertTrue(c.ok(), () -> c.diagnostics().all().stream().map(d -> d.code().id() + " " + d.message())
                .collect(Collectors.joining("\n")));
        return c.program().get();
    }

    private static String codes(String text) {
        Pipeline.Checked c = Pipeline.check(SourceFile.inMemory("t.crdl", text));
        return c.diagnostics().all().stream().map(d -> d.code().id()).collect(Collectors.joining(","));
    }

    @Test
    void gaussHasHalfIntegerExponentsAndEnergyDensityComesOutOfBSquared() {
        Program p = ok("let b = 1 [uG]\nlet eb = b^2 / (8 * pi)\nlet r = 1 [GV] / b\n");
        assertEquals(Dimension.MAGNETIC_FIELD, p.lets().get("b").value().dim());
        assertEquals("G", p.lets().get("b").value().dim().toString());
        assertEquals(Dimension.ENERGY_DENSITY, p.lets().get("eb").value().dim());
        assertEquals("erg cm^-3", p.lets().get("eb").value().dim().toString());
        assertEquals(Dimension.LENGTH, p.lets().get("r").value().dim(), "R/B is a length (r_g)");
    }

    @Test
    void sqrtHalvesAndRationalPowersOfDimensionalBasesAreExact() {
        Program p = ok("let v = sqrt(1 [erg] / 1 [g])\nlet l = (1 [cm^2])^(3/2)\nlet m = (4 [cm])^0.5\n");
        assertEquals(Dimension.VELOCITY, p.lets().get("v").value().dim());
        assertEquals(Dimension.of(0, 3, 0, 0), p.lets().get("l").value().dim());
        assertEquals("cm^(1/2)", p.lets().get("m").value().dim().toString());
    }

    @Test
    void lawKindsAreChecked() {
        ok("damping d = 1e-9 [1/s]\nsource s = 1e-30 [erg cm^-3 s^-1]\n");
        assertEquals("E0401", codes("damping d = 1 [cm]\n"));
        assertEquals("E0402", codes("source s = 1 [1/s]\n"));
    }

    @Test
    void everyDimensionRuleHasItsOwnCode() {
        assertEquals("E0301", codes("let x = 1 [cm] + 1 [s]"));
        assertEquals("E0302", codes("let x = if 1 [cm] < 1 [s] then 1 else 2"));
        assertEquals("E0303", codes("let x = ln(1 [cm])"));
        assertEquals("E0304", codes("let x = 2^(1 [cm])"));
        assertEquals("E0305", codes("param q = 1\nlet x = (1 [cm])^q"));
        assertEquals("E0306", codes("let x = (1 [cm])^0.123456789"));
        assertEquals("E0307", codes("let x = if 1 < 2 then 1 [cm] else 1 [s]"));
        assertEquals("E0308", codes("let x = if 1 then 1 else 2"));
        assertEquals("E0310", codes("let x = min(1 [cm], 2 [s])"));
    }

    @Test
    void unitFactorsAreConvertedToCgsAtCompileTime() {
        Program p = ok("let a = 1 [kpc]\nlet b = 1 [GV]\nlet c = 1 [mb]\nlet d = 1 [T]\nlet e2 = 1 [GeV]\n");
        assertEquals(3.0856775814913673e21, value(p, "a"), 1e7);
        assertEquals(1e9 / 299.792458, value(p, "b"), 1e-3, "1 GV in statvolt");
        assertEquals(1e-27, value(p, "c"), 1e-40);
        assertEquals(1e4, value(p, "d"), 0, "tesla in gauss");
        assertEquals(1.602176634e-3, value(p, "e2"), 1e-15);
    }

    private static double value(Program p, String let) {
        return ((org.crdl.ir.Node.Const) org.crdl.passes.Simplifier.simplify(p.lets().get(let).value())).value();
    }
}
