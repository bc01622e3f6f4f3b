package org.crdl.runtime.structures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.crdl.runtime.units.Constants;

/**
 * Evaluates the rules V1–V10 of a structure block on a rigidity grid (digest §5.1) and
 * reports each failure once per contiguous rigidity range, naming the structure (or the block),
 * the rule and the range: "f_V ≥ 1 above 300 GV: …". Thresholds: V2/V3/V5/V6 at 1 (the paper's
 * inequalities), V4 against the shorter of the block's ℓ_mfp and the longest empirical ℓ_mfp
 * ({@link EmpiricalTarget}), V8 at δ_s &lt; 0.1 (δ_s ≈ 0, "no rigidity dependence", C19), V9 a
 * factor 10 outside the empirical band (an order of magnitude, the paper's precision), V10 at
 * N_scat &lt; 100 ("≫ 1", L230).
 */
public final class Validation {
    private Validation() {
    }

    /** One failure: the rule, the structure it concerns (empty for the whole block), the message. */
    public record Finding(Rule rule, String structure, String message) {
    }

    /**
     * @param rows    the breakdown at each grid rigidity (increasing)
     * @param deltaS  δ_s = −d ln(⟨ν⟩_eff/β)/d ln R at each rigidity (NaN where undefined)
     */
    public static List<Finding> check(PatchyScattering block, List<PatchyScattering.Breakdown> rows, double[] deltaS) {
        List<Finding> out = new ArrayList<>();
        int n = rows.size();
        double[] r = rows.stream().mapToDouble(PatchyScattering.Breakdown::rigidityGV).toArray();
        for (int s = 0; s < block.size(); s++) {
            final int k = s;
            String name = block.structure(s).name();
            add(out, Rule.V1, name, r, i -> !pop(rows, i, k).eligible(), "");
            add(out, Rule.V2, name, r, i -> pop(rows, i, k).eligible() && pop(rows, i, k).tauMin() < 1 - 1e-9, "");
            add(out, Rule.V4, name, r, i -> pop(rows, i, k).eligible() && pop(rows, i, k).smallestEligible()
                    >= Math.min(rows.get(i).meanFreePath(), EmpiricalTarget.meanFreePathMax(r[i])), "");
            add(out, Rule.V5, name, r, i -> pop(rows, i, k).filling() >= 1, "");
            if (block.structure(s).hasDensity()) {
                add(out, Rule.V6, name, r, i -> pop(rows, i, k).massFraction() >= 1, "");
            }
        }
        add(out, Rule.V3, "", r, i -> rows.get(i).trapped() >= 1, "");
        if (block.size() > 1) {
            add(out, Rule.V5, "", r, i -> rows.get(i).filling() >= 1, " (all structures together)");
        }
        if (block.hasBackground()) {
            add(out, Rule.V7, "", r, i -> rows.get(i).nuBackground() >= rows.get(i).nuPatch(), "");
        }
        if (n >= 2) {
            add(out, Rule.V8, "", r, i -> deltaS[i] < 0.1, "");
        }
        IntPredicate over = i -> rows.get(i).nuEffective() > 10 * EmpiricalTarget.nuMax(beta(rows.get(i)), r[i]);
        IntPredicate under = i -> rows.get(i).nuEffective() < EmpiricalTarget.nuMin(beta(rows.get(i)), r[i]) / 10;
        addWith(out, Rule.V9, "", r, over, "⟨ν⟩_eff > 10x the empirical rate",
                "the structures over-predict scattering (L188)", i -> String.format(Locale.ROOT,
                        " (%.3g times the largest empirical rate at %s GV)", rows.get(i).nuEffective()
                                / EmpiricalTarget.nuMax(beta(rows.get(i)), r[i]), gv(r[i])));
        addWith(out, Rule.V9, "", r, under, "⟨ν⟩_eff < 1/10 of the empirical rate",
                "too rare, n_s is orders of magnitude too low (L188)", i -> {
                    double mfp = rows.get(i).meanFreePath();
                    return Double.isInfinite(mfp) ? " (no scattering at " + gv(r[i]) + " GV)"
                            : String.format(Locale.ROOT, " (ℓ_mfp = %.3g pc at %s GV)", mfp / Constants.PC, gv(r[i]));
                });
        add(out, Rule.V10, "", r, i -> rows.get(i).scatterings() < 100, "");
        return out;
    }

    private static double beta(PatchyScattering.Breakdown b) {
        return b.speed() / Constants.C;
    }

    private static PatchyScattering.Population pop(List<PatchyScattering.Breakdown> rows, int i, int k) {
        return rows.get(i).populations().get(k);
    }

    private static void add(List<Finding> out, Rule rule, String structure, double[] r, IntPredicate fails, String extra) {
        addWith(out, rule, structure, r, fails, rule.condition, rule.meaning, i -> extra);
    }

    private static void addWith(List<Finding> out, Rule rule, String structure, double[] r, IntPredicate fails,
                                String condition, String meaning, java.util.function.IntFunction<String> detail) {
        int n = r.length;
        int i = 0;
        while (i < n) {
            if (!fails.test(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && fails.test(j + 1)) {
                j++;
            }
            int at = closestToOneGV(r, i, j);
            out.add(new Finding(rule, structure, condition + " " + range(r, i, j) + ": " + meaning + detail.apply(at)));
            i = j + 1;
        }
    }

    private static int closestToOneGV(double[] r, int i, int j) {
        int best = i;
        for (int k = i; k <= j; k++) {
            if (Math.abs(Math.log(r[k])) < Math.abs(Math.log(r[best]))) {
                best = k;
            }
        }
        return best;
    }

    /** "above 300 GV", "below 5 GV", "between 3 and 50 GV", "at 1 GV", "at every rigidity (0.01-1e+04 GV)". */
    static String range(double[] r, int i, int j) {
        int n = r.length;
        if (i == 0 && j == n - 1) {
            return n == 1 ? "at " + gv(r[0]) + " GV" : "at every rigidity (" + gv(r[0]) + "-" + gv(r[n - 1]) + " GV)";
        }
        if (i == j) {
            return "at " + gv(r[i]) + " GV";
        }
        if (j == n - 1) {
            return "above " + gv(r[i]) + " GV";
        }
        if (i == 0) {
            return "below " + gv(r[j]) + " GV";
        }
        return "between " + gv(r[i]) + " and " + gv(r[j]) + " GV";
    }

    static String gv(double x) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", x)).stripTrailingZeros().toPlainString();
    }
}
