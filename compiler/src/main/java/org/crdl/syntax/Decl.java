package org.crdl.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crdl.diag.SourceSpan;

/** Top-level declarations of a model file. */
public sealed interface Decl permits Decl.Use, Decl.Param, Decl.Let, Decl.Phase, Decl.Law, Decl.Scattering,
        Decl.Galaxy, Decl.Environment, Decl.Observe, Decl.Expect, Decl.Structure {

    SourceSpan span();

    /** {@code use "../lib/phases.crdl"} — path relative to the importing file. */
    record Use(SourceSpan span, String path, SourceSpan pathSpan) implements Decl {
        public Use {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(pathSpan, "pathSpan");
        }
    }

    /** {@code param xi = 0.25 in [0, 2]} */
    record Param(SourceSpan span, Ident name, Expr value, Optional<Range> range) implements Decl {
        public Param {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(range, "range");
        }
    }

    /** The {@code in [lo, hi]} of a parameter. */
    record Range(SourceSpan span, Expr lo, Expr hi) {
        public Range {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(lo, "lo");
            Objects.requireNonNull(hi, "hi");
        }
    }

    /** {@code let k0 = 1 / (1 [au])} */
    record Let(SourceSpan span, Ident name, Expr value) implements Decl {
        public Let {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code phase WIM extends WNM { n = 0.1 [cm^-3] … }} */
    record Phase(SourceSpan span, Ident name, Optional<Ident> parent, List<Field> fields) implements Decl {
        public Phase {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parent, "parent");
            fields = List.copyOf(fields);
        }
    }

    /** One {@code name = value} inside a phase. */
    record Field(SourceSpan span, Ident name, Expr value) {
        public Field {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    enum LawKind {
        DAMPING("damping"), SOURCE("source");

        public final String keyword;

        LawKind(String keyword) {
            this.keyword = keyword;
        }
    }

    /** {@code damping nll = … where a = …, b = …} */
    record Law(SourceSpan span, LawKind kind, Ident name, Expr body, List<Binding> where) implements Decl {
        public Law {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
            where = List.copyOf(where);
        }
    }

    /** A {@code where} binding of a law. */
    record Binding(SourceSpan span, Ident name, Expr value) {
        public Binding {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code scattering reference { sources …  damping …  nu_hat 0.75 }} */
    record Scattering(SourceSpan span, Ident name, List<ScatteringItem> items) implements Decl {
        public Scattering {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            items = List.copyOf(items);
        }
    }

    /** Items of a scattering block: a list of laws or a setting. */
    sealed interface ScatteringItem permits LawList, Setting, StructureList {
        SourceSpan span();
    }

    /** {@code sources a, b} or {@code damping c, d} */
    record LawList(SourceSpan span, LawKind kind, List<Ident> laws) implements ScatteringItem {
        public LawList {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(kind, "kind");
            laws = List.copyOf(laws);
        }
    }

    /** {@code nu = …}, {@code nu_hat 0.75}, {@code waves split} */
    record Setting(SourceSpan span, Ident key, Expr value) implements ScatteringItem {
        public Setting {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code structures gyro_patches, sheets}: the structure populations a scattering block integrates over. */
    record StructureList(SourceSpan span, List<Ident> structures) implements ScatteringItem {
        public StructureList {
            Objects.requireNonNull(span, "span");
            structures = List.copyOf(structures);
        }
    }

    /**
     * {@code structure sheets { dimensionality = 2  ell_S in [r_g, 1000 [au]]  f_V = …  tau_s = …  phase = P }}:
     * one population of patchy scatterers (butsky2024 digest §5.1).
     */
    record Structure(SourceSpan span, Ident name, List<StructureItem> items) implements Decl {
        public Structure {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            items = List.copyOf(items);
        }
    }

    /** {@code key = value}, or {@code key in [lo, hi]} (a range; value empty). */
    record StructureItem(SourceSpan span, Ident key, Optional<Expr> value, Optional<Expr> lo, Optional<Expr> hi) {
        public StructureItem {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(lo, "lo");
            Objects.requireNonNull(hi, "hi");
        }

        public boolean isRange() {
            return lo.isPresent();
        }
    }

    /**
     * {@code galaxy mw { … }} or {@code galaxy variant extends mw { … }} (the parent's items, with
     * those the child sets replaced) — parsed generically; the transport passes give it meaning.
     */
    record Galaxy(SourceSpan span, Ident name, Optional<Ident> parent, Block body) implements Decl {
        public Galaxy {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(body, "body");
        }

        public Galaxy(SourceSpan span, Ident name, Block body) {
            this(span, name, Optional.empty(), body);
        }
    }

    /** {@code environment halo { phase = …  L = …  M_A = …  modes …  damping … }} — parsed generically. */
    record Environment(SourceSpan span, Ident name, Block body) implements Decl {
        public Environment {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }
    }

    /** {@code observe B/C against "file", "file" { … }} */
    record Observe(SourceSpan span, Expr target, List<Expr.Text> against, Optional<Block> body) implements Decl {
        public Observe {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(target, "target");
            against = List.copyOf(against);
            Objects.requireNonNull(body, "body");
        }
    }

    /** A generic braced block of items. */
    record Block(SourceSpan span, List<Item> items) {
        public Block {
            Objects.requireNonNull(span, "span");
            items = List.copyOf(items);
        }
    }

    /** A generic item: {@code key = expr} or {@code key arg, arg … { block }}. */
    sealed interface Item permits Assign, Directive {
        SourceSpan span();

        Ident key();
    }

    record Assign(SourceSpan span, Ident key, Expr value) implements Item {
        public Assign {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    record Directive(SourceSpan span, Ident key, List<Expr> args, Optional<Block> block) implements Item {
        public Directive {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
            Objects.requireNonNull(block, "block");
        }
    }

    /**
     * {@code expect KIND SUBJECT …}: a statement of what the model must give, checked by {@code crdl test}
     * (kinds: rates, delta_s, signature, run; see {@link Expectations}).
     */
    record Expect(SourceSpan span, Ident kind, Ident subject, Optional<Ident> phase, Optional<Expectations.At> at,
                  Optional<Expectations.Over> over, List<Expectations.Check> checks) implements Decl {
        public Expect {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(over, "over");
            checks = List.copyOf(checks);
        }
    }
}
