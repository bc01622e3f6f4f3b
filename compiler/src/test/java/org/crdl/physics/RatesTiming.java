package org.crdl.physics;

import org.crdl.Cli;

/**
 * Warm in-process time of {@code crdl rates} on the hopkins2022 reference model: 200 rigidities × 5 phases
 * (a measurement, not a test). Run from the repository root with
 * {@code java -Xss16m -cp compiler/target/crdl.jar:compiler/target/test-classes org.crdl.physics.RatesTiming [compiled|interpreted] [LO:HI:N]}.
 */
public final class RatesTiming {
    private RatesTiming() {
    }

    public static void main(String[] args) {
        String engine = args.length > 0 ? args[0] : "compiled";
        String[] command = {"rates", "models/hopkins2022/reference.crdl", "--scattering", "reference",
            "--phase", "lism_fiducial", "--phase", "lism_ionised", "--phase", "checkpoint_c10", "--phase", "checkpoint_c11",
            "--phase", "checkpoint_c26", "--rigidity", args.length > 1 ? args[1] : "0.01:1e4:200", "--engine", engine};
        int reps = 12;
        double[] ms = new double[reps];
        int rows = 0;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Cli.Result r = Cli.run(command);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (r.exitCode() != 0) {
                throw new IllegalStateException(r.stderr());
            }
            rows = (int) r.stdout().lines().filter(l -> !l.startsWith("#")).count() - 1;
        }
        double[] warm = java.util.Arrays.copyOfRange(ms, 2, reps);
        java.util.Arrays.sort(warm);
        System.out.printf("engine %s, %d rows: first run %.0f ms, second %.0f ms, warm median %.0f ms (min %.0f, max %.0f)%n",
                engine, rows, ms[0], ms[1], warm[warm.length / 2], warm[0], warm[warm.length - 1]);
    }
}
