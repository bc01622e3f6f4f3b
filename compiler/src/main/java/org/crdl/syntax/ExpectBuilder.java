package org.crdl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.crdl.grammar.CrdlParser;

/** Builds {@link Decl.Expect} from the {@code expectDecl} rules of the grammar. */
final class ExpectBuilder {
    private final Spans spans;
    private final ExprBuilder exprs;

    ExpectBuilder(Spans spans, ExprBuilder exprs) {
        this.spans = spans;
        this.exprs = exprs;
    }

    Decl.Expect expect(CrdlParser.ExpectDeclContext d) {
        if (d instanceof CrdlParser.ExpectAtContext a) {
            Expectations.At at = new Expectations.At(spans.between(a.atWord, a.at.stop), ident(a.atWord),
                    ident(a.variable), expr(a.at));
            return new Decl.Expect(spans.of(a), ident(a.kind), ident(a.subject), optional(a.phase), Optional.of(at),
                    Optional.empty(), checks(a.expectCheck()));
        }
        if (d instanceof CrdlParser.ExpectOverContext o) {
            Expectations.Over over = new Expectations.Over(spans.between(o.ofWord, o.hi.stop), ident(o.ofWord),
                    ident(o.overWord), expr(o.lo), expr(o.hi));
            Ident kind = ident(o.kind);
            Expectations.Check check = new Expectations.Check(spans.between(o.kind, o.stop),
                    new Expr.Name(kind.span(), kind.name()), Optional.empty(), Optional.empty(), Optional.empty(),
                    bound(o.expectBound()));
            return new Decl.Expect(spans.of(o), kind, ident(o.subject), optional(o.phase), Optional.empty(),
                    Optional.of(over), List.of(check));
        }
        CrdlParser.ExpectNamedContext n = (CrdlParser.ExpectNamedContext) d;
        return new Decl.Expect(spans.of(n), ident(n.kind), ident(n.subject), Optional.empty(), Optional.empty(),
                Optional.empty(), checks(n.expectCheck()));
    }

    private List<Expectations.Check> checks(List<CrdlParser.ExpectCheckContext> list) {
        List<Expectations.Check> out = new ArrayList<>();
        for (CrdlParser.ExpectCheckContext c : list) {
            out.add(new Expectations.Check(spans.of(c), expr(c.quantity), optional(c.word),
                    c.argument == null ? Optional.empty() : Optional.of(expr(c.argument)),
                    c.STRING() == null ? Optional.empty() : Optional.of(exprs.text(c.STRING().getSymbol())),
                    bound(c.expectBound())));
        }
        return out;
    }

    private Expectations.Bound bound(CrdlParser.ExpectBoundContext b) {
        if (b instanceof CrdlParser.BoundRangeContext r) {
            return new Expectations.Range(spans.of(r), ident(r.within), expr(r.lo), expr(r.hi));
        }
        if (b instanceof CrdlParser.BoundNearContext n) {
            return new Expectations.Near(spans.of(n), ident(n.within), expr(n.tolerance), n.percent != null,
                    ident(n.ofWord), expr(n.reference));
        }
        CrdlParser.BoundCompareContext c = (CrdlParser.BoundCompareContext) b;
        return new Expectations.Compare(spans.of(c), c.op.getText(), expr(c.value));
    }

    private Expr expr(CrdlParser.AdditiveContext ctx) {
        return ctx.accept(exprs);
    }

    private Optional<Ident> optional(Token t) {
        return t == null ? Optional.empty() : Optional.of(ident(t));
    }

    private Ident ident(Token t) {
        return new Ident(spans.of(t), t.getText());
    }
}
