package org.crdl.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdl.Cli;
import org.crdl.Pipeline;
import org.crdl.runtime.model.CompiledModel;

/**
 * Independent reference arithmetic for the physics tests: constants written out (CODATA 2018,
 * IAU 2012), the hopkins2022 digest formulas by hand, and a reader for the CSV of
 * {@code crdl rates}. Nothing here calls the runtime's constants or formulas.
 */
final class Phys {
    private Phys() {
    }

    static final double C = 2.99792458e10;              // cm s^-1
    static final double M_P = 1.67262192369e-24;         // g
    static final double MP_GEV = 0.93827208816;          // m_p c^2 [GeV]
    static final double K_B = 1.380649e-16;              // erg K^-1
    static final double EV = 1.602176634e-12;            // erg
    static final double AU = 1.495978707e13;             // cm
    static final double PC = AU * 648000 / Math.PI;      // cm
    static final double KPC = 1e3 * PC;
    static final double YR = 365.25 * 86400;             // Julian year [s]
    static final double UG = 1e-6;                       // G
    static final double KM = 1e5;                        // cm
    static final double GV = 1e9 / 299.792458;           // statvolt (1 statV = 299.792458 V)

    /** proton β at rigidity R [GV] (pc = R GeV for Z = 1) */
    static double beta(double gv) {
        return gv / Math.hypot(gv, MP_GEV);
    }

    /** r_g = R/B [cm] (digest §2.1: 3.336e12 cm at 1 GV, 1 uG) */
    static double rg(double gv, double gauss) {
        return gv * GV / gauss;
    }

    static double kPar(double gv, double gauss) {
        return 1 / rg(gv, gauss);
    }

    /** Ω = v/r_g [s^-1] (digest §2.1, L78) */
    static double omega(double gv, double gauss) {
        return beta(gv) * C / rg(gv, gauss);
    }

    /** e_B = B²/8π */
    static double eB(double gauss) {
        return gauss * gauss / (8 * Math.PI);
    }

    /** v_A,ideal = B/(4π n m_p)^½ */
    static double vA(double gauss, double n) {
        return gauss / Math.sqrt(4 * Math.PI * n * M_P);
    }

    /** adiabatic c_s = (5/3 k_B T/m_p)^½ */
    static double cs(double t) {
        return Math.sqrt(5.0 / 3 * K_B * t / M_P);
    }

    /** ν̄_s = (π/4) ν̂_s Ω e/e_B (eq. 6, L153; ν̂_s = 3/4: (3π/16) Ω e/e_B, L854) */
    static double nu(double gv, double gauss, double eOverEB) {
        return 3 * Math.PI / 16 * omega(gv, gauss) * eOverEB;
    }

    /** hopkins2022 App. A3 (L854, C43): e_A/e_B = (Γ_lin/2Γ⁰)(−1 + [1 + 4 S Γ⁰/(Γ_lin² e_B)]^½), cancellation-free. */
    static double a3Amplitude(double s, double gammaLin, double gamma0, double eB) {
        if (gamma0 == 0) {
            return s / (gammaLin * eB);
        }
        double root = Math.sqrt(gammaLin * gammaLin + 4 * s * gamma0 / eB);
        return 2 * (s / eB) / (gammaLin + root);
    }

    static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    /** Both engines of one model file. */
    static CompiledModel[] engines(Path file) {
        Pipeline.Checked c = Pipeline.check(file);
        if (!c.ok()) {
            throw new AssertionError("model does not check: " + c.diagnostics().all());
        }
        return new CompiledModel[] {
            Pipeline.build(c.program().get(), Pipeline.sourcePath(file), Pipeline.Engine.COMPILED),
            Pipeline.build(c.program().get(), Pipeline.sourcePath(file), Pipeline.Engine.INTERPRETED)};
    }

    /** One row of the rates CSV: column name → cell text. */
    record Row(Map<String, String> cells) {
        double num(String column) {
            String v = cells.get(column);
            if (v == null) {
                throw new AssertionError("no column " + column + " in " + cells.keySet());
            }
            return parse(v);
        }

        String text(String column) {
            return cells.get(column);
        }
    }

    /** A CSV number as printed by crdl: "" is undefined (NaN), "inf" is +∞. */
    static double parse(String v) {
        return switch (v) {
            case "" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    /** Run {@code crdl rates ARGS…} in-process; it must succeed; the CSV rows. */
    static List<Row> rates(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "rates";
        System.arraycopy(args, 0, all, 1, args.length);
        Cli.Result r = Cli.run(all);
        assertEquals(0, r.exitCode(), "crdl " + String.join(" ", all) + " failed: " + r.stderr());
        return csv(r.stdout());
    }

    static List<Row> csv(String text) {
        String[] lines = text.lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);   // ECSV header
        String[] head = lines[0].split(",", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertEquals(head.length, cells.length, "cells in CSV line " + i + ": " + lines[i]);
            Map<String, String> m = new LinkedHashMap<>();
            for (int j = 0; j < head.length; j++) {
                m.put(head[j], cells[j]);
            }
            rows.add(new Row(m));
        }
        return rows;
    }
}
