package org.crdl.sema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostic;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.SourceFile;
import org.crdl.diag.SourceSpan;
import org.crdl.diag.Suggestions;
import org.crdl.syntax.CompilationUnit;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Ident;

/**
 * Every declaration of a program, by namespace: values (param, let, damping, source),
 * phases, scattering blocks, galaxies. Reports duplicates with both places, and resolves
 * phase inheritance ({@code extends}) into each phase's effective field list.
 */
final class Declarations {
    final CompilationUnit root;
    final List<CompilationUnit> units;
    final Map<String, Decl> values = new LinkedHashMap<>();
    final Map<String, Decl.Param> params = new LinkedHashMap<>();
    final Map<String, Decl.Let> lets = new LinkedHashMap<>();
    final Map<String, Decl.Law> laws = new LinkedHashMap<>();
    final Map<String, Decl.Phase> phases = new LinkedHashMap<>();
    final Map<String, Decl.Scattering> scatterings = new LinkedHashMap<>();
    final Map<String, Decl.Galaxy> galaxies = new LinkedHashMap<>();
    final Map<String, Decl.Environment> environments = new LinkedHashMap<>();
    final Map<String, Decl.Structure> structures = new LinkedHashMap<>();
    final List<Decl.Observe> observes = new ArrayList<>();
    /** phase name → effective fields (inherited first, overrides in place), after resolving extends */
    final Map<String, Map<String, Decl.Field>> phaseFields = new LinkedHashMap<>();
    private final Diagnostics diagnostics;

    Declarations(List<CompilationUnit> units, Diagnostics diagnostics) {
        this.units = units;
        this.root = units.get(units.size() - 1);
        this.diagnostics = diagnostics;
        for (CompilationUnit u : units) {
            for (Decl d : u.decls()) {
                index(d);
            }
        }
        phases.keySet().forEach(p -> effectiveFields(p, new ArrayList<>()));
    }

    String modelName() {
        return root.header().map(h -> h.name().name()).orElseGet(() -> {
            Path p = Path.of(root.file().displayPath()).getFileName();
            String f = p == null ? "model" : p.toString();
            return f.endsWith(".crdl") ? f.substring(0, f.length() - 5) : f;
        });
    }

    Optional<String> title() {
        return root.header().flatMap(CompilationUnit.ModelHeader::title);
    }

    List<SourceFile> files() {
        List<SourceFile> f = new ArrayList<>();
        units.forEach(u -> f.add(u.file()));
        return f;
    }

    private void index(Decl d) {
        if (d instanceof Decl.Param p) {
            if (addValue(p.name(), d)) {
                params.put(p.name().name(), p);
            }
        } else if (d instanceof Decl.Let l) {
            if (addValue(l.name(), d)) {
                lets.put(l.name().name(), l);
            }
        } else if (d instanceof Decl.Law l) {
            if (addValue(l.name(), d)) {
                laws.put(l.name().name(), l);
            }
        } else if (d instanceof Decl.Phase p) {
            add(phases, p.name(), p, Decl.Phase::name);
        } else if (d instanceof Decl.Scattering s) {
            add(scatterings, s.name(), s, Decl.Scattering::name);
        } else if (d instanceof Decl.Galaxy g) {
            add(galaxies, g.name(), g, Decl.Galaxy::name);
        } else if (d instanceof Decl.Environment e) {
            add(environments, e.name(), e, Decl.Environment::name);
        } else if (d instanceof Decl.Structure st) {
            add(structures, st.name(), st, Decl.Structure::name);
        } else if (d instanceof Decl.Observe o) {
            observes.add(o);
        }
    }

    private boolean addValue(Ident name, Decl d) {
        Decl first = values.get(name.name());
        if (first != null) {
            duplicate(name, nameSpan(first));
            return false;
        }
        values.put(name.name(), d);
        return true;
    }

    private <T> void add(Map<String, T> map, Ident name, T decl, java.util.function.Function<T, Ident> nameOf) {
        T first = map.get(name.name());
        if (first != null) {
            duplicate(name, nameOf.apply(first).span());
        } else {
            map.put(name.name(), decl);
        }
    }

    private void duplicate(Ident second, SourceSpan first) {
        diagnostics.report(Diagnostic.of(Code.DUPLICATE, second.span(), second.name())
                .withNote(first, "'" + second.name() + "' was first defined here"));
    }

    static SourceSpan nameSpan(Decl d) {
        if (d instanceof Decl.Param p) {
            return p.name().span();
        } else if (d instanceof Decl.Let l) {
            return l.name().span();
        } else if (d instanceof Decl.Law l) {
            return l.name().span();
        }
        return d.span();
    }

    /** Inherited fields first (in the parent's order), then this phase's own; duplicates inside one phase are errors. */
    private Map<String, Decl.Field> effectiveFields(String phase, List<String> chain) {
        Map<String, Decl.Field> done = phaseFields.get(phase);
        if (done != null) {
            return done;
        }
        Decl.Phase decl = phases.get(phase);
        Map<String, Decl.Field> fields = new LinkedHashMap<>();
        if (decl.parent().isPresent()) {
            Ident parent = decl.parent().get();
            if (!phases.containsKey(parent.name())) {
                diagnostics.report(Code.UNKNOWN_DECLARATION, parent.span(), "phase", parent.name(),
                        Suggestions.didYouMean(parent.name(), phases.keySet()));
            } else if (chain.contains(parent.name()) || parent.name().equals(phase)) {
                List<String> cycle = new ArrayList<>(List.of(phase));
                int from = chain.indexOf(parent.name());
                if (from < 0) {
                    cycle.add(parent.name());
                } else {
                    cycle.addAll(chain.subList(from, chain.size()));
                    cycle.add(phase);
                }
                diagnostics.report(Code.RECURSIVE, parent.span(), phase, "phase " + String.join(" extends ", cycle));
            } else {
                List<String> longer = new ArrayList<>(chain);
                longer.add(phase);
                fields.putAll(effectiveFields(parent.name(), longer));
            }
        }
        Set<String> own = new HashSet<>();
        for (Decl.Field f : decl.fields()) {
            if (!own.add(f.name().name())) {
                Decl.Field first = decl.fields().stream().filter(x -> x.name().name().equals(f.name().name()))
                        .findFirst().orElseThrow();
                diagnostics.report(Diagnostic.of(Code.DUPLICATE_FIELD, f.name().span(), f.name().name(), phase)
                        .withNote(first.name().span(), "'" + f.name().name() + "' was first set here"));
                continue;
            }
            fields.put(f.name().name(), f);
        }
        phaseFields.put(phase, fields);
        return fields;
    }
}
