package org.crdl.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.grammar.CrdlBaseVisitor;
import org.crdl.grammar.CrdlParser;

/** Builds {@link Expr} and {@link UnitExpr} trees from the expression rules of the grammar. */
final class ExprBuilder extends CrdlBaseVisitor<Expr> {
    private final Spans spans;
    private final Diagnostics diagnostics;

    ExprBuilder(Spans spans, Diagnostics diagnostics) {
        this.spans = spans;
        this.diagnostics = diagnostics;
    }

    Expr build(CrdlParser.ExprContext ctx) {
        return ctx.accept(this);
    }

    @Override
    public Expr visitConditional(CrdlParser.ConditionalContext ctx) {
        return new Expr.Conditional(spans.of(ctx), build(ctx.cond), build(ctx.yes), build(ctx.no));
    }

    @Override
    public Expr visitPlain(CrdlParser.PlainContext ctx) {
        return ctx.orExpr().accept(this);
    }

    @Override
    public Expr visitOrExpr(CrdlParser.OrExprContext ctx) {
        Expr e = ctx.andExpr(0).accept(this);
        for (int i = 1; i < ctx.andExpr().size(); i++) {
            Expr r = ctx.andExpr(i).accept(this);
            e = new Expr.Binary(e.span().to(r.span()), Expr.BinaryOp.OR, e, r);
        }
        return e;
    }

    @Override
    public Expr visitAndExpr(CrdlParser.AndExprContext ctx) {
        Expr e = ctx.notExpr(0).accept(this);
        for (int i = 1; i < ctx.notExpr().size(); i++) {
            Expr r = ctx.notExpr(i).accept(this);
            e = new Expr.Binary(e.span().to(r.span()), Expr.BinaryOp.AND, e, r);
        }
        return e;
    }

    @Override
    public Expr visitNegation(CrdlParser.NegationContext ctx) {
        return new Expr.Unary(spans.of(ctx), Expr.UnaryOp.NOT, ctx.notExpr().accept(this));
    }

    @Override
    public Expr visitNotPlain(CrdlParser.NotPlainContext ctx) {
        return ctx.comparison().accept(this);
    }

    @Override
    public Expr visitComparison(CrdlParser.ComparisonContext ctx) {
        Expr left = ctx.additive(0).accept(this);
        if (ctx.op == null) {
            return left;
        }
        Expr right = ctx.additive(1).accept(this);
        return new Expr.Binary(spans.of(ctx), op(ctx.op), left, right);
    }

    @Override
    public Expr visitAdditive(CrdlParser.AdditiveContext ctx) {
        List<CrdlParser.MultiplicativeContext> terms = ctx.multiplicative();   // once: ctx.multiplicative(i) is a linear scan
        Expr e = terms.get(0).accept(this);
        for (int i = 1; i < terms.size(); i++) {
            Expr r = terms.get(i).accept(this);
            e = new Expr.Binary(e.span().to(r.span()), op(ctx.ops.get(i - 1)), e, r);
        }
        return e;
    }

    @Override
    public Expr visitMultiplicative(CrdlParser.MultiplicativeContext ctx) {
        List<CrdlParser.UnaryContext> factors = ctx.unary();   // once: ctx.unary(i) is a linear scan
        Expr e = factors.get(0).accept(this);
        for (int i = 1; i < factors.size(); i++) {
            Expr r = factors.get(i).accept(this);
            e = new Expr.Binary(e.span().to(r.span()), op(ctx.ops.get(i - 1)), e, r);
        }
        return e;
    }

    @Override
    public Expr visitSigned(CrdlParser.SignedContext ctx) {
        Expr.UnaryOp op = ctx.op.getType() == CrdlParser.MINUS ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS;
        return new Expr.Unary(spans.of(ctx), op, ctx.unary().accept(this));
    }

    @Override
    public Expr visitUnsigned(CrdlParser.UnsignedContext ctx) {
        return ctx.power().accept(this);
    }

    @Override
    public Expr visitPower(CrdlParser.PowerContext ctx) {
        Expr base = ctx.base.accept(this);
        if (ctx.exponent == null) {
            return base;
        }
        return new Expr.Binary(spans.of(ctx), Expr.BinaryOp.POW, base, ctx.exponent.accept(this));
    }

    @Override
    public Expr visitQuantity(CrdlParser.QuantityContext ctx) {
        String text = ctx.NUMBER().getText();
        double value = number(ctx.NUMBER().getSymbol());
        if (ctx.unit() == null) {
            return new Expr.Number(spans.of(ctx), value, text);
        }
        return new Expr.Quantity(spans.of(ctx), value, text, unit(ctx.unit()));
    }

    @Override
    public Expr visitCall(CrdlParser.CallContext ctx) {
        List<Expr> args = new ArrayList<>();
        for (CrdlParser.ExprContext a : ctx.expr()) {
            args.add(build(a));
        }
        Token name = ctx.NAME().getSymbol();
        return new Expr.Call(spans.of(ctx), new Ident(spans.of(name), name.getText()), args);
    }

    @Override
    public Expr visitNameRef(CrdlParser.NameRefContext ctx) {
        return new Expr.Name(spans.of(ctx), ctx.NAME().getText());
    }

    @Override
    public Expr visitString(CrdlParser.StringContext ctx) {
        return text(ctx.STRING().getSymbol());
    }

    @Override
    public Expr visitParens(CrdlParser.ParensContext ctx) {
        return build(ctx.expr());
    }

    Expr.Text text(Token t) {
        return new Expr.Text(spans.of(t), unescape(t.getText()));
    }

    /** Strip the quotes and resolve the escapes the lexer admitted (\" \\ \n \t). */
    static String unescape(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private double number(Token t) {
        double v = Double.parseDouble(t.getText());
        if (Double.isInfinite(v)) {
            diagnostics.report(Code.BAD_NUMBER, spans.of(t), t.getText());
            return 0.0;
        }
        return v;
    }

    private static Expr.BinaryOp op(Token t) {
        return Expr.BinaryOp.bySymbol(t.getText()).orElseThrow();
    }

    // ---- units ----

    UnitExpr unit(CrdlParser.UnitContext ctx) {
        return unitProduct(ctx.unitProduct(), spans.of(ctx));
    }

    private UnitExpr unitProduct(CrdlParser.UnitProductContext ctx, org.crdl.diag.SourceSpan span) {
        List<UnitExpr.Part> parts = new ArrayList<>();
        parts.add(new UnitExpr.Part(false, factor(ctx.first)));
        for (CrdlParser.UnitTailContext tail : ctx.unitTail()) {
            boolean divide = tail.op != null && tail.op.getType() == CrdlParser.SLASH;
            parts.add(new UnitExpr.Part(divide, factor(tail.unitFactor())));
        }
        return new UnitExpr(span, parts);
    }

    private UnitExpr.Factor factor(CrdlParser.UnitFactorContext ctx) {
        if (ctx instanceof CrdlParser.NamedUnitContext n) {
            CrdlParser.UnitExponentContext x = n.unitExponent();
            return new UnitExpr.Named(spans.of(n), n.NAME().getText(), x == null ? null : exponentText(x),
                    x == null ? null : spans.of(x));
        }
        if (ctx instanceof CrdlParser.GroupedUnitContext g) {
            CrdlParser.UnitExponentContext x = g.unitExponent();
            return new UnitExpr.Group(spans.of(g), unitProduct(g.unitProduct(), spans.of(g)),
                    x == null ? null : exponentText(x), x == null ? null : spans.of(x));
        }
        CrdlParser.UnitOneContext one = (CrdlParser.UnitOneContext) ctx;
        return new UnitExpr.One(spans.of(one), one.NUMBER().getText());
    }

    /** "-3", "2", "1/2", "-1/2" */
    private static String exponentText(CrdlParser.UnitExponentContext x) {
        String sign = x.sign != null ? "-" : "";
        if (x.den != null) {
            return sign + x.num.getText() + "/" + x.den.getText();
        }
        return sign + x.NUMBER(0).getText();
    }
}
