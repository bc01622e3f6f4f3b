package org.crdl.runtime.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a gridded field by marching squares: the level crossings on the edges of
 * every grid cell, joined into two-point segments, in fractional grid indices (i, j). Cells with
 * an undefined (NaN) corner are skipped; the saddle ambiguity is resolved by the cell mean.
 */
final class Contours {
    private Contours() {
    }

    static List<double[][]> segments(double[][] z, double level) {
        List<double[][]> out = new ArrayList<>();
        for (int i = 0; i + 1 < z.length; i++) {
            for (int j = 0; j + 1 < z[i].length; j++) {
                double a = z[i][j];
                double b = z[i + 1][j];
                double c = z[i + 1][j + 1];
                double d = z[i][j + 1];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
                    continue;
                }
                List<double[]> cross = new ArrayList<>(4);
                edge(cross, a, b, i, j, 1, 0, level);
                edge(cross, b, c, i + 1, j, 0, 1, level);
                edge(cross, d, c, i, j + 1, 1, 0, level);
                edge(cross, a, d, i, j, 0, 1, level);
                if (cross.size() == 2) {
                    out.add(new double[][] {cross.get(0), cross.get(1)});
                } else if (cross.size() == 4) {
                    boolean centreAbove = (a + b + c + d) / 4 > level;
                    boolean aAbove = a > level;
                    if (centreAbove == aAbove) {
                        out.add(new double[][] {cross.get(0), cross.get(1)});
                        out.add(new double[][] {cross.get(2), cross.get(3)});
                    } else {
                        out.add(new double[][] {cross.get(0), cross.get(3)});
                        out.add(new double[][] {cross.get(1), cross.get(2)});
                    }
                }
            }
        }
        return out;
    }

    private static void edge(List<double[]> out, double v0, double v1, int i, int j, int di, int dj, double level) {
        if ((v0 > level) != (v1 > level)) {
            double t = (level - v0) / (v1 - v0);
            out.add(new double[] {i + t * di, j + t * dj});
        }
    }
}
