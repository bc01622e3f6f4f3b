package org.crdl.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crdl.diag.SourceFile;
import org.crdl.diag.SourceSpan;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.units.Dimension;
import org.crdl.syntax.Decl;

/**
 * A checked model: the root file and everything it imports, with every expression typed.
 * Maps keep declaration order (imports first, depth-first).
 */
public record Program(String modelName, Optional<String> title, SourceFile root, List<SourceFile> files,
                      List<ParamDef> params, Map<String, LetDef> lets, Map<String, LawDef> laws,
                      Map<String, PhaseDef> phases, Map<String, ScatteringDef> scatterings,
                      Map<String, Galaxy.Def> galaxies, List<Galaxy.Observation> observations,
                      Map<String, Environment> environments, Structures structures) {

    public Program {
        Objects.requireNonNull(modelName, "modelName");
        files = List.copyOf(files);
        params = List.copyOf(params);
        lets = new LinkedHashMap<>(lets);
        laws = new LinkedHashMap<>(laws);
        phases = new LinkedHashMap<>(phases);
        scatterings = new LinkedHashMap<>(scatterings);
        galaxies = new LinkedHashMap<>(galaxies);
        observations = List.copyOf(observations);
        environments = new LinkedHashMap<>(environments);
        Objects.requireNonNull(structures, "structures");
    }

    /** {@code param name = value in [lo, hi]}; value and bounds in cgs (bounds NaN when absent). */
    public record ParamDef(String name, int index, double value, Dimension dim, double lo, double hi, SourceSpan span) {
        public Parameter descriptor() {
            return new Parameter(name, value, dim, lo, hi, span.location());
        }
    }

    public record LetDef(String name, Node value, SourceSpan span) {
    }

    public record LawDef(String name, Decl.LawKind kind, Node body, SourceSpan span) {
    }

    /** One field of a phase (inherited fields included); {@code rigidityDependent} when it needs R. */
    public record FieldDef(String name, Node value, boolean rigidityDependent, SourceSpan span) {
        public Dimension dim() {
            return value.dim();
        }
    }

    /** A phase with its full, inheritance-resolved field list in evaluation order. */
    public record PhaseDef(String name, Optional<String> parent, List<FieldDef> fields, SourceSpan span) {
        public PhaseDef {
            fields = List.copyOf(fields);
        }

        public Optional<FieldDef> field(String n) {
            return fields.stream().filter(f -> f.name().equals(n)).findFirst();
        }
    }

    /** How the wave balance treats the two propagation directions. */
    public enum WaveMode {
        TOTAL("total"), SPLIT("split");

        public final String keyword;

        WaveMode(String keyword) {
            this.keyword = keyword;
        }
    }

    /** A scattering block: either laws for the wave balance, or a phenomenological ν. */
    public record ScatteringDef(String name, List<LawDef> sources, List<LawDef> dampings, Optional<Node> nu,
                                double nuHat, WaveMode waveMode, SourceSpan span) {
        public ScatteringDef {
            sources = List.copyOf(sources);
            dampings = List.copyOf(dampings);
        }

        public boolean phenomenological() {
            return nu.isPresent();
        }

        public List<LawDef> laws() {
            List<LawDef> all = new ArrayList<>(sources);
            all.addAll(dampings);
            return all;
        }
    }

    public ParameterSet parameterSet() {
        List<Parameter> list = new ArrayList<>();
        params.forEach(p -> list.add(p.descriptor()));
        return new ParameterSet(list);
    }

    public Optional<ParamDef> param(String n) {
        return params.stream().filter(p -> p.name().equals(n)).findFirst();
    }
}
