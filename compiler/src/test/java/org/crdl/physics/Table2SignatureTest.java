package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdl.Cli;
import org.junit.jupiter.api.Test;

/**
 * hopkins2022 Table 2 (L90-L102) read back from the model text: {@code crdl check --explain
 * models/hopkins2022/reference.crdl} prints the (ξ_k, ξ_A, ξ_cr) of every damping law and the
 * (ζ_k, ζ_A, ζ_cr) of every source, computed symbolically from the law bodies (∂ln/∂ln k_∥,
 * ∂ln/∂ln e, ∂ln/∂ln ε_cr at the reference point). Each row is checked against the table's
 * value or range.
 */
class Table2SignatureTest {
    private static final Pattern LINE = Pattern.compile(
            "^(damping|source) (\\w+): (?:xi|zeta)_k=(\\S+) (?:xi|zeta)_A=(\\S+) (?:xi|zeta)_cr=(\\S+)$");

    private static Map<String, double[]> signatures() {
        Cli.Result r = Cli.run("check", "--explain", "models/hopkins2022/reference.crdl");
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, double[]> out = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                out.put(m.group(2), new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5))});
            }
        }
        return out;
    }

    private static void row(Map<String, double[]> s, String law, double kLo, double kHi, double a, double cr) {
        double[] x = s.get(law);
        assertTrue(x != null, "no explain line for " + law + " in " + s.keySet());
        assertTrue(x[0] >= kLo - 1e-9 && x[0] <= kHi + 1e-9, law + ": k exponent " + x[0] + " not in [" + kLo + ", "
                + kHi + "]");
        assertEquals(a, x[1], 0.05, law + ": e_A exponent");
        assertEquals(cr, x[2], 0.05, law + ": eps_cr exponent");
    }

    @Test
    void dampingRows() {
        Map<String, double[]> s = signatures();
        row(s, "ion_neutral", 0, 0, 0, 0);     // X_in: 0 0 0 (L93)
        row(s, "dust", 0.5, 0.75, 0, 0);       // X_dust: 0.5 -> 0.75, 0, 0 (L94)
        row(s, "nll", 1, 1, 1, 0);             // X_nll: 1 1 0 (L95)
        row(s, "turb", 0.4, 0.5, 0, 0);        // X_turb/LL: 0.4 -> 0.5, 0, 0 (L96)
        row(s, "new_damping", 0.1, 0.4, 0, 1); // X_new,damp: ~0.1 -> 0.4, ~0, ~1 (L97)
    }

    @Test
    void sourceRows() {
        Map<String, double[]> s = signatures();
        row(s, "self_confinement", 0, 0, 0, 1);      // X_sc steady state: 0 0 1 (L100; L195-L197)
        row(s, "extrinsic_cascade", -1, -0.4, 0, 0); // X_et: ≲ -1 + xi_k^turb, ~0, 0 (L101); ln(k l_A) of alpha_t adds 1/ln
        row(s, "new_linear", 0.6, 0.9, 1, 0);        // X_new,lin: ~0.6 -> 0.9, ~1, ~0 (L102)
        row(s, "new_external", -0.25, -0.1, 0, 0);   // Eq. 13 (L548): (k_par au)^(-0.25 ... -0.1) e_B v_A/l_A
    }
}
