package org.crdl.syntax;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an AST back as CRDL text with minimal parentheses. Used by the round-trip test
 * (parse → print → parse gives the same print) and by tools that show normalized models.
 */
public final class AstPrinter implements Expr.Visitor<String> {
    private static final AstPrinter INSTANCE = new AstPrinter();

    private AstPrinter() {
    }

    public static String print(Expr e) {
        return e.accept(INSTANCE);
    }

    public static String print(CompilationUnit unit) {
        StringBuilder sb = new StringBuilder();
        unit.header().ifPresent(h -> sb.append("model ").append(h.name().name())
                .append(h.title().map(t -> " " + quote(t)).orElse("")).append('\n'));
        for (Decl d : unit.decls()) {
            sb.append(print(d)).append('\n');
        }
        return sb.toString();
    }

    public static String print(Decl d) {
        if (d instanceof Decl.Use u) {
            return "use " + quote(u.path());
        } else if (d instanceof Decl.Param p) {
            return "param " + p.name().name() + " = " + print(p.value())
                    + p.range().map(r -> " in [" + print(r.lo()) + ", " + print(r.hi()) + "]").orElse("");
        } else if (d instanceof Decl.Let l) {
            return "let " + l.name().name() + " = " + print(l.value());
        } else if (d instanceof Decl.Phase p) {
            return "phase " + p.name().name() + p.parent().map(x -> " extends " + x.name()).orElse("") + " {\n"
                    + p.fields().stream().map(f -> "  " + f.name().name() + " = " + print(f.value()) + "\n")
                    .collect(Collectors.joining()) + "}";
        } else if (d instanceof Decl.Law l) {
            String where = l.where().isEmpty() ? "" : "\n  where " + l.where().stream()
                    .map(b -> b.name().name() + " = " + print(b.value())).collect(Collectors.joining(",\n        "));
            return l.kind().keyword + " " + l.name().name() + " = " + print(l.body()) + where;
        } else if (d instanceof Decl.Scattering s) {
            StringBuilder sb = new StringBuilder("scattering " + s.name().name() + " {\n");
            for (Decl.ScatteringItem item : s.items()) {
                if (item instanceof Decl.LawList list) {
                    sb.append("  ").append(list.kind() == Decl.LawKind.SOURCE ? "sources " : "damping ")
                            .append(list.laws().stream().map(Ident::name).collect(Collectors.joining(", ")));
                } else if (item instanceof Decl.StructureList st) {
                    sb.append("  structures ").append(st.structures().stream().map(Ident::name)
                            .collect(Collectors.joining(", ")));
                } else {
                    Decl.Setting set = (Decl.Setting) item;
                    sb.append("  ").append(set.key().name()).append(" = ").append(print(set.value()));
                }
                sb.append('\n');
            }
            return sb.append('}').toString();
        } else if (d instanceof Decl.Galaxy g) {
            return "galaxy " + g.name().name() + g.parent().map(p -> " extends " + p.name()).orElse("") + " "
                    + block(g.body(), "");
        }
        if (d instanceof Decl.Environment e) {
            return "environment " + e.name().name() + " " + block(e.body(), "");
        }
        if (d instanceof Decl.Expect x) {
            return expect(x);
        }
        if (d instanceof Decl.Structure st) {
            StringBuilder sb = new StringBuilder("structure " + st.name().name() + " {\n");
            for (Decl.StructureItem item : st.items()) {
                sb.append("  ").append(item.key().name());
                if (item.isRange()) {
                    sb.append(" in [").append(print(item.lo().get())).append(", ").append(print(item.hi().get()))
                            .append(']');
                } else {
                    sb.append(" = ").append(print(item.value().get()));
                }
                sb.append('\n');
            }
            return sb.append('}').toString();
        }
        Decl.Observe o = (Decl.Observe) d;
        String against = o.against().isEmpty() ? "" : " against " + o.against().stream()
                .map(t -> quote(t.value())).collect(Collectors.joining(", "));
        return "observe " + print(o.target()) + against + o.body().map(b -> " " + block(b, "")).orElse("");
    }

    private static String expect(Decl.Expect x) {
        StringBuilder sb = new StringBuilder("expect " + x.kind().name());
        x.over().ifPresent(o -> sb.append(' ').append(o.ofWord().name()));
        sb.append(' ').append(x.subject().name());
        x.phase().ifPresent(p -> sb.append(" in ").append(p.name()));
        x.at().ifPresent(a -> sb.append(' ').append(a.word().name()).append(' ').append(a.variable().name())
                .append(" = ").append(print(a.value())));
        if (x.over().isPresent()) {
            Expectations.Over o = x.over().get();
            return sb.append(' ').append(o.overWord().name()).append(' ').append(print(o.lo())).append(" .. ")
                    .append(print(o.hi())).append(' ').append(bound(x.checks().get(0).bound())).toString();
        }
        sb.append(": ");
        sb.append(x.checks().stream().map(c -> print(c.quantity())
                + c.word().map(w -> " " + w.name() + " " + print(c.argument().orElseThrow())).orElse("")
                + c.against().map(t -> " against " + quote(t.value())).orElse("")
                + " " + bound(c.bound())).collect(Collectors.joining(", ")));
        return sb.toString();
    }

    private static String bound(Expectations.Bound b) {
        if (b instanceof Expectations.Range r) {
            return r.within().name() + " " + print(r.lo()) + " .. " + print(r.hi());
        }
        if (b instanceof Expectations.Near n) {
            return n.within().name() + " " + print(n.tolerance()) + (n.percent() ? " %" : "") + " "
                    + n.ofWord().name() + " " + print(n.reference());
        }
        Expectations.Compare c = (Expectations.Compare) b;
        return c.op() + " " + print(c.value());
    }

    private static String block(Decl.Block b, String indent) {
        StringBuilder sb = new StringBuilder("{\n");
        for (Decl.Item item : b.items()) {
            sb.append(indent).append("  ").append(item.key().name());
            if (item instanceof Decl.Assign a) {
                sb.append(" = ").append(print(a.value()));
            } else {
                Decl.Directive dir = (Decl.Directive) item;
                List<Expr> args = dir.args();
                if (!args.isEmpty()) {
                    sb.append(' ').append(args.stream().map(AstPrinter::print).collect(Collectors.joining(", ")));
                }
                dir.block().ifPresent(inner -> sb.append(' ').append(block(inner, indent + "  ")));
            }
            sb.append('\n');
        }
        return sb.append(indent).append('}').toString();
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }

    // ---- expressions: parenthesize a child when it binds more loosely than its parent requires ----

    private static int precedence(Expr e) {
        if (e instanceof Expr.Conditional) {
            return 0;
        } else if (e instanceof Expr.Binary b) {
            return b.op().precedence;
        } else if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT ? 3 : 7;
        }
        return 9;
    }

    private static String wrap(Expr e, int min) {
        String s = print(e);
        return precedence(e) < min ? "(" + s + ")" : s;
    }

    @Override
    public String visitNumber(Expr.Number e) {
        return e.text();
    }

    @Override
    public String visitQuantity(Expr.Quantity e) {
        return e.text() + " " + unit(e.unit());
    }

    static String unit(UnitExpr u) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < u.parts().size(); i++) {
            UnitExpr.Part p = u.parts().get(i);
            if (i > 0) {
                sb.append(p.divide() ? "/" : " ");
            } else if (p.divide()) {
                sb.append("1/");
            }
            sb.append(factor(p.factor()));
        }
        return sb.append(']').toString();
    }

    private static String factor(UnitExpr.Factor f) {
        if (f instanceof UnitExpr.One one) {
            return one.text();
        } else if (f instanceof UnitExpr.Named n) {
            return n.name() + exponent(n.exponentText());
        }
        UnitExpr.Group g = (UnitExpr.Group) f;
        String inner = unit(g.inner());
        return "(" + inner.substring(1, inner.length() - 1) + ")" + exponent(g.exponentText());
    }

    private static String exponent(String text) {
        if (text == null) {
            return "";
        }
        return text.contains("/") ? "^(" + text + ")" : "^" + text;
    }

    @Override
    public String visitName(Expr.Name e) {
        return e.name();
    }

    @Override
    public String visitText(Expr.Text e) {
        return quote(e.value());
    }

    @Override
    public String visitCall(Expr.Call e) {
        return e.function().name() + "(" + e.args().stream().map(AstPrinter::print).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String visitUnary(Expr.Unary e) {
        int p = precedence(e);
        return e.op().symbol + wrap(e.operand(), p);
    }

    @Override
    public String visitBinary(Expr.Binary e) {
        int p = e.op().precedence;
        if (e.op() == Expr.BinaryOp.POW) {
            // right-associative; the base must be a primary, the exponent may be unary
            String base = precedence(e.left()) <= p ? "(" + print(e.left()) + ")" : print(e.left());
            return base + "^" + wrap(e.right(), 7);
        }
        // left-associative operators keep a same-precedence left child bare; comparisons do not chain
        String right = wrap(e.right(), p + 1);
        String left = wrap(e.left(), e.op().isComparison() ? p + 1 : p);
        return left + " " + e.op().symbol + " " + right;
    }

    @Override
    public String visitConditional(Expr.Conditional e) {
        return "if " + print(e.condition()) + " then " + print(e.then()) + " else " + print(e.otherwise());
    }
}
