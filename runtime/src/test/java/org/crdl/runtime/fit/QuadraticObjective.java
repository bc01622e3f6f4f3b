package org.crdl.runtime.fit;

import java.util.List;

/**
 * χ² = (x − μ)ᵀ C⁻¹ (x − μ) + χ²₀ for two linear parameters with σ₁, σ₂ and correlation ρ: the
 * closed form every error estimate must reproduce (for a quadratic χ², Hessian and profile errors
 * both equal √C_ii, and the correlation equals ρ).
 */
final class QuadraticObjective implements Objective {
    final double mu1;
    final double mu2;
    final double s1;
    final double s2;
    final double rho;
    final double chi0;

    QuadraticObjective(double mu1, double mu2, double s1, double s2, double rho, double chi0) {
        this.mu1 = mu1;
        this.mu2 = mu2;
        this.s1 = s1;
        this.s2 = s2;
        this.rho = rho;
        this.chi0 = chi0;
    }

    @Override
    public List<FreeParameter> parameters() {
        return List.of(new FreeParameter("a", "1", mu1 - 20 * s1, mu1 + 30 * s1, false),
                new FreeParameter("b", "1", mu2 - 25 * s2, mu2 + 20 * s2, false));
    }

    @Override
    public List<String> datasets() {
        return List.of("quadratic");
    }

    @Override
    public List<String> scales() {
        return List.of();
    }

    @Override
    public PointResult evaluate(double[] x) {
        double z1 = (x[0] - mu1) / s1;
        double z2 = (x[1] - mu2) / s2;
        double chi2 = (z1 * z1 - 2 * rho * z1 * z2 + z2 * z2) / (1 - rho * rho) + chi0;
        return new PointResult(x, new double[] {chi2}, new int[] {50}, new double[0], null);
    }
}
