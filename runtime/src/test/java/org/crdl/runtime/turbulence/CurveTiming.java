package org.crdl.runtime.turbulence;

import java.util.EnumSet;
import java.util.List;
import org.crdl.runtime.particles.Species;

/**
 * Wall-clock timing of one D(R) curve (60 rigidities, 0.1 GV–100 TV) per environment, cold and
 * warm, on 1 and 2 threads. Not a test (no assertions on time); run with
 * {@code java -cp runtime/target/classes:runtime/target/test-classes:<commons-math3.jar>
 * org.crdl.runtime.turbulence.CurveTiming}.
 */
public final class CurveTiming {
    private CurveTiming() {
    }

    public static void main(String[] args) {
        double[] gv = new double[60];
        for (int i = 0; i < 60; i++) {
            gv[i] = Math.pow(10, -1 + 6.0 * i / 59);
        }
        TurbulenceEnvironment[] envs = {Environments.fornieriHaloCode2020(), Environments.fornieriDiskCode2020(),
            Environments.fornieriHalo(100, 1, Conventions.physical()), Environments.fornieriDisk(100, 1, Conventions.physical()),
            Environments.kempskiFig3Warm(), Environments.kempskiFig3Halo(), Environments.kempskiWarmIsm()};
        for (TurbulenceEnvironment e : envs) {
            for (int threads : new int[] {1, 2}) {
                long t0 = System.nanoTime();
                QuasiLinearScattering q = new QuasiLinearScattering(e);
                List<SpatialDiffusion> c = q.curve(gv, threads);
                double cold = (System.nanoTime() - t0) / 1e9;
                double warm = Double.MAX_VALUE;
                double cpu = Double.MAX_VALUE;
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int rep = 0; rep < 3; rep++) {
                    long t1 = System.nanoTime();
                    long c1 = mx.getCurrentThreadCpuTime();
                    c = q.curve(gv, threads);
                    warm = Math.min(warm, (System.nanoTime() - t1) / 1e9);
                    cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c1) / 1e9);
                }
                double maxErr = 0;
                int maxLevel = 0;
                for (SpatialDiffusion d : c) {
                    maxErr = Math.max(maxErr, d.relError());
                    maxLevel = Math.max(maxLevel, d.level());
                }
                System.out.printf("%-45s threads=%d cold %.2f s (incl. setup) warm %.3f s%s  max rel_error %.1e  max level %d%n",
                        e.name(), threads, cold, warm, threads == 1 ? String.format(" (CPU %.3f s)", cpu) : "",
                        maxErr, maxLevel);
            }
            if (args.length > 0) {
                for (ModeFamily m : ModeFamily.values()) {
                    QuasiLinearScattering q = new QuasiLinearScattering(e.withModes(EnumSet.of(m)), Species.proton(),
                            QuadratureSettings.standard());
                    q.curve(gv, 2);
                    long t1 = System.nanoTime();
                    q.curve(gv, 2);
                    System.out.printf("   %s only: %.3f s%n", m, (System.nanoTime() - t1) / 1e9);
                }
            }
        }
    }
}
