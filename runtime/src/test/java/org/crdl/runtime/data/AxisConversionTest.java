package org.crdl.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;

/** Axis changes checked against textbook kinematics with PDG masses (not CRDL's constants). */
class AxisConversionTest {
    /** proton mass [GeV] (PDG) */
    private static final double M_P = 0.93827208816;
    /** atomic mass unit [GeV] (PDG) */
    private static final double M_U = 0.93149410242;

    private static Dataset flux(XAxisKind axis, double x, double y) {
        return new Dataset("test", "p", QuantityKind.FLUX, axis, axis.fluxUnit(), Optional.empty(), "",
                List.of(new DataPoint(x, x, x, y, 0.1 * y, 0.2 * y)), List.of());
    }

    @Test
    void protonAtOneGevPerNucleonToRigidity() {
        // T = 1 GeV: pc = sqrt(T (T + 2m)), R = pc/e; dR/dT = (T + m)/pc
        double pc = Math.sqrt(1.0 * (1.0 + 2 * M_P));
        Dataset r = AxisConversion.toXAxis(flux(XAxisKind.EK_PER_NUCLEON, 1.0, 5.0), XAxisKind.RIGIDITY,
                Species.proton());
        DataPoint p = r.points().get(0);
        assertEquals(pc, p.x(), 1e-8);
        // F_R = F_T · dT/dR = F_T · pc/(T + m)
        assertEquals(5.0 * pc / (1.0 + M_P), p.y(), 1e-7);
        assertEquals(0.5 * pc / (1.0 + M_P), p.yErrLo(), 1e-8);
        assertEquals("m^-2 s^-1 sr^-1 GV^-1", r.yUnit());
        assertEquals(XAxisKind.RIGIDITY, r.xAxis());
    }

    @Test
    void nitrogenRigidityFileToEnergyPerNucleon() {
        // first point of N_AMS_PRL2018_rig.txt: R = 2.275 GV, F = 0.3825 per GV; N-14, Z = 7
        Dataset n = ObservationLoader.load(ObservationFiles.file("N_AMS_PRL2018_rig.txt"));
        Dataset e = AxisConversion.toXAxis(n, XAxisKind.EK_PER_NUCLEON, Species.byName("N").orElseThrow());
        double pPerNucleon = 2.275 * 7 / 14;                 // GeV/c per nucleon
        double total = Math.hypot(pPerNucleon, M_U);         // GeV per nucleon
        double ek = total - M_U;
        double dRdE = (14.0 / 7.0) * total / pPerNucleon;    // A/(Z β)
        DataPoint p = e.points().get(0);
        assertEquals(ek, p.x(), 1e-7);
        assertEquals(0.3825 * dRdE, p.y(), 1e-6);
        assertEquals(n.size(), e.size());
        assertEquals(n.notes().size() + 1, e.notes().size());
    }

    @Test
    void totalEnergyOfHeliumToPerNucleon() {
        Dataset e = AxisConversion.toXAxis(flux(XAxisKind.EK_TOTAL, 40.0, 2.0), XAxisKind.EK_PER_NUCLEON,
                Species.byName("He").orElseThrow());
        assertEquals(10.0, e.points().get(0).x(), 1e-12);
        assertEquals(8.0, e.points().get(0).y(), 1e-12);
    }

    @Test
    void roundTripRestoresTheData() {
        Dataset c = ObservationLoader.load(ObservationFiles.file("C_AMS_PRL2017.txt"));
        Species carbon = Species.byName("C").orElseThrow();
        Dataset back = AxisConversion.toXAxis(AxisConversion.toXAxis(c, XAxisKind.RIGIDITY, carbon),
                XAxisKind.EK_PER_NUCLEON, carbon);
        for (int i = 0; i < c.size(); i++) {
            assertEquals(c.points().get(i).x(), back.points().get(i).x(), 1e-10 * c.points().get(i).x());
            assertEquals(c.points().get(i).y(), back.points().get(i).y(), 1e-10 * c.points().get(i).y());
        }
    }

    @Test
    void sameAxisIsIdentityAndRatiosAreRefused() {
        Dataset bc = ObservationLoader.load(ObservationFiles.file("B_C_ratio_AMS_PRL2018.txt"));
        assertSame(bc, AxisConversion.toXAxis(bc, XAxisKind.EK_PER_NUCLEON, Species.proton()));
        assertThrows(ModelException.class,
                () -> AxisConversion.toXAxis(bc, XAxisKind.RIGIDITY, Species.proton()));
    }
}
