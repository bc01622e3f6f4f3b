package org.crdl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.crdl.Models;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Parse → print → parse gives the same program (compared through its printed form, ignoring locations). */
class RoundTripTest {

    private static String roundTrip(String name, String text) {
        Diagnostics d = new Diagnostics();
        Optional<CompilationUnit> first = SourceParser.parse(SourceFile.inMemory(name, text), d);
        assertTrue(first.isPresent(), () -> name + " parses: " + d.all());
        String printed = AstPrinter.print(first.get());
        Optional<CompilationUnit> second = SourceParser.parse(SourceFile.inMemory(name + "(printed)", printed), d);
        assertTrue(second.isPresent(), () -> "the printed form of " + name + " parses:\n" + printed + "\n" + d.all());
        assertEquals(printed, AstPrinter.print(second.get()), name);
        return printed;
    }

    @TestFactory
    Stream<DynamicTest> everyModelFileRoundTrips() {
        return Models.all().stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> roundTrip(p.toString(),
                Files.readString(p))));
    }

    @Test
    void precedenceAndAssociativitySurvivePrinting() {
        String printed = roundTrip("ops.crdl", """
                let a = -2^2
                let b = (-2)^2
                let c = 2^3^2
                let d = (2^3)^2
                let e = 1 - (2 - 3)
                let f = (1 - 2) - 3
                let g = 2^-3
                let h = if 1 < 2 and not 3 > 4 or 1 == 1 then 1 [km/s] else 2 [cm s^-1]
                let i = 1 / (1 [au]) * 1 [g cm^-3] / (2 [(km/s)^2])
                """);
        assertTrue(printed.contains("let a = -2^2"), printed);
        assertTrue(printed.contains("let b = (-2)^2"), printed);
        assertTrue(printed.contains("let c = 2^3^2"), printed);
        assertTrue(printed.contains("let d = (2^3)^2"), printed);
        assertTrue(printed.contains("let e = 1 - (2 - 3)"), printed);
        assertTrue(printed.contains("let f = 1 - 2 - 3"), printed);
    }

    @Test
    void genericGalaxyAndObserveBlocksParse() {
        String printed = roundTrip("galaxy.crdl", """
                galaxy mw {
                  transport flat_halo { H = 4 [kpc]  h = 100 [pc]  n_disk = 1 [cm^-3] }
                  scattering empirical
                  source supernovae { rate = 1 / (100 [yr])  energy = 1e50 [erg]  spectrum = R^(-4.3) }
                  species p, He, C, N, O, B10, B11, Be9, Be10
                  modulation force_field 0.6 [GV]
                }
                observe B/C against "B_C_ratio_AMS_PRL2018.txt"
                observe p against "prot_AMS_2011-2013.dat", "Voyager1_2012_Proton.dat"
                """);
        assertTrue(printed.contains("species p, He, C, N, O, B10, B11, Be9, Be10"), printed);
        assertTrue(printed.contains("modulation force_field, 0.6 [GV]"), printed);
    }

    @Test
    void parsesTheDesignSketch() throws IOException {
        Path sketch = Path.of("compiler/src/test/resources/design_sketch.crdl");
        roundTrip(sketch.toString(), Files.readString(sketch));
    }
}
