package org.crdl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl new NAME}: writes {@code NAME.crdl}, a commented starter model — a phase, a source
 * and a damping law, a self-confinement scattering block (for {@code crdl rates}), a direct D_xx
 * law and a galaxy (for {@code crdl run}) and an observe line against AMS-02 B/C — that checks
 * and runs as written. Never overwrites a file.
 */
@Command(name = "new", description = "Write a commented starter model NAME.crdl that runs as is.")
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "model name or path (.crdl added when missing)")
    String name;

    @Override
    public Integer call() {
        Path file = Path.of(name.endsWith(".crdl") ? name : name + ".crdl");
        String base = file.getFileName().toString().replaceAll("\\.crdl$", "");
        String model = base.replaceAll("[^A-Za-z0-9_]", "_");
        if (model.isEmpty() || !Character.isLetter(model.charAt(0))) {
            model = "m_" + model;
        }
        if (Files.exists(file)) {
            throw new ModelException(file + " already exists; choose another name");
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, TEMPLATE.replace("MODEL_NAME", model).replace("OBSERVE_BC", observeLine(file)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot write " + file + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + file + "; try:");
        System.out.println("  crdl check --explain " + file);
        System.out.println("  crdl rates " + file + " --scattering self_confined --phase warm_ionised --rigidity 1:1000:7");
        System.out.println("  crdl run " + file);
        return Main.OK;
    }

    /** The B/C observe line: against AMS-02 when the data file is found from where the model is written. */
    static String observeLine(Path file) {
        String data = "B_C_ratio_AMS_PRL2018.txt";
        try {
            org.crdl.run.DataFiles.resolve(data, file.toAbsolutePath(), "observations");
            return "observe B/C against \"" + data + "\" { min = 2 [GeV/n] }";
        } catch (ModelException notFound) {
            return "observe B/C      // AMS-02 data were not found from here; with $CRDL_DATA set:\n"
                    + "// observe B/C against \"" + data + "\" { min = 2 [GeV/n] }";
        }
    }

    static final String TEMPLATE = """
            model MODEL_NAME "A starter model: edit me (crdl new)"

            // Quantities carry units in brackets and are converted to cgs; every expression has a
            // physical dimension, checked when you run `crdl check`. Comments start with //.

            // ---- parameters: overridable with  crdl run FILE --set "D0=2e28 [cm^2/s]" ----
            param D0 = 1.1e28 [cm^2/s] in [1e27 [cm^2/s], 1e30 [cm^2/s]]   // D_xx at 1 GV (times beta)
            param delta = 0.48 in [0.2, 0.9]                                 // D_xx ∝ R^delta
            param H = 4 [kpc] in [1 [kpc], 20 [kpc]]                          // halo half-height

            // ---- an ISM phase: any fields, any units; fields may depend on the rigidity R ----
            phase warm_ionised {
              n = 0.1 [cm^-3]  T = 8000 [K]  B = 3 [μG]  f_ion = 0.9
              ell_grad = 1 [kpc]                                        // CR gradient scale length
              e_cr = 0.6 [eV cm^-3] * (R / 1 [GV])^(-0.7)               // CR energy density at R
            }

            // ---- laws: a wave source and a damping rate (a rate in 1/s; e is the wave energy solved for) ----
            source streaming = v_A_eff * P_cr / ell_grad
            damping nonlinear_landau = sqrt(pi) / 8 * c_s * k_par * (e / e_B)

            // the local balance S(e) = Γ(e)·e, solved for e > 0 at each rigidity:  crdl rates FILE
            // (crdl check --explain shows why this plain self-confinement fails: warnings W0501, W0503)
            scattering self_confined {
              sources streaming
              damping nonlinear_landau
            }

            // a direct diffusion law for the Galaxy (nu = v^2 / (9 D_xx))
            scattering diffusion { D_xx = D0 * beta * (R / 1 [GV])^delta }

            // ---- the Galaxy: a thin gas disk inside a diffusive halo; run with  crdl run FILE ----
            galaxy milky_way {
              transport flat_halo { H = H  h = 100 [pc]  n_disk = 1 [cm^-3]  helium = 0.1  v_A = 0 [km/s] }
              scattering diffusion
              source supernovae {
                rate = 1 / (50 [yr])  energy = 9e49 [erg]  disk_radius = 15 [kpc]
                slope = 3.0  break 2.3 [GV] 4.4                      // q ∝ R^-3.0, R^-4.4 above 2.3 GV
                abundances { p = 1  He = 0.095  C = 8.9e-3  N = 8.7e-4  O = 1.06e-2 }
              }
              species p, He, O, N, C, B11, B10, Be10, Be9, Be7, Li7, Li6
              modulation force_field 0.7 [GV]
              energies { min = 0.1 [GeV]  max = 1e4 [GeV]  per_decade = 10 }
            }

            // ---- compare with data (files are looked up next to the model, in $CRDL_DATA, in shared/data) ----
            OBSERVE_BC
            observe p
            """;
}
