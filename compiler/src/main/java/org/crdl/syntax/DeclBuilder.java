package org.crdl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.crdl.grammar.CrdlParser;

/** Builds {@link Decl}s and the {@link CompilationUnit} from the declaration rules of the grammar. */
final class DeclBuilder {
    private final Spans spans;
    private final ExprBuilder exprs;

    DeclBuilder(Spans spans, ExprBuilder exprs) {
        this.spans = spans;
        this.exprs = exprs;
    }

    CompilationUnit unit(CrdlParser.FileContext ctx) {
        Optional<CompilationUnit.ModelHeader> header = Optional.empty();
        if (ctx.modelDecl() != null) {
            CrdlParser.ModelDeclContext m = ctx.modelDecl();
            header = Optional.of(new CompilationUnit.ModelHeader(spans.of(m), ident(m.name),
                    m.title == null ? Optional.empty() : Optional.of(ExprBuilder.unescape(m.title.getText()))));
        }
        List<Decl> decls = new ArrayList<>();
        for (CrdlParser.DeclContext d : ctx.decl()) {
            decls.add(decl(d));
        }
        return new CompilationUnit(spans.file(), header, decls);
    }

    private Ident ident(Token t) {
        return new Ident(spans.of(t), t.getText());
    }

    private Decl decl(CrdlParser.DeclContext d) {
        if (d.useDecl() != null) {
            CrdlParser.UseDeclContext u = d.useDecl();
            return new Decl.Use(spans.of(u), ExprBuilder.unescape(u.path.getText()), spans.of(u.path));
        }
        if (d.paramDecl() != null) {
            CrdlParser.ParamDeclContext p = d.paramDecl();
            Optional<Decl.Range> range = p.lo == null ? Optional.empty()
                    : Optional.of(new Decl.Range(spans.between(p.IN().getSymbol(), p.stop), exprs.build(p.lo),
                            exprs.build(p.hi)));
            return new Decl.Param(spans.of(p), ident(p.name), exprs.build(p.value), range);
        }
        if (d.letDecl() != null) {
            CrdlParser.LetDeclContext l = d.letDecl();
            return new Decl.Let(spans.of(l), ident(l.name), exprs.build(l.value));
        }
        if (d.phaseDecl() != null) {
            return phase(d.phaseDecl());
        }
        if (d.lawDecl() != null) {
            return law(d.lawDecl());
        }
        if (d.scatteringDecl() != null) {
            return scattering(d.scatteringDecl());
        }
        if (d.galaxyDecl() != null) {
            CrdlParser.GalaxyDeclContext g = d.galaxyDecl();
            return new Decl.Galaxy(spans.of(g), ident(g.name),
                    g.parent == null ? java.util.Optional.empty() : java.util.Optional.of(ident(g.parent)), block(g.block()));
        }
        if (d.environmentDecl() != null) {
            CrdlParser.EnvironmentDeclContext e = d.environmentDecl();
            return new Decl.Environment(spans.of(e), ident(e.name), block(e.block()));
        }
        if (d.expectDecl() != null) {
            return new ExpectBuilder(spans, exprs).expect(d.expectDecl());
        }
        if (d.structureDecl() != null) {
            return structure(d.structureDecl());
        }
        CrdlParser.ObserveDeclContext o = d.observeDecl();
        List<Expr.Text> against = new ArrayList<>();
        o.STRING().forEach(s -> against.add(exprs.text(s.getSymbol())));
        return new Decl.Observe(spans.of(o), exprs.build(o.target), against,
                o.block() == null ? Optional.empty() : Optional.of(block(o.block())));
    }

    private Decl.Phase phase(CrdlParser.PhaseDeclContext p) {
        List<Decl.Field> fields = new ArrayList<>();
        for (CrdlParser.FieldDefContext f : p.fieldDef()) {
            fields.add(new Decl.Field(spans.of(f), ident(f.name), exprs.build(f.value)));
        }
        return new Decl.Phase(spans.of(p), ident(p.name),
                p.parent == null ? Optional.empty() : Optional.of(ident(p.parent)), fields);
    }

    private Decl.Law law(CrdlParser.LawDeclContext l) {
        Decl.LawKind kind = l.kind.getType() == CrdlParser.DAMPING ? Decl.LawKind.DAMPING : Decl.LawKind.SOURCE;
        List<Decl.Binding> where = new ArrayList<>();
        if (l.whereClause() != null) {
            for (CrdlParser.BindingContext b : l.whereClause().binding()) {
                where.add(new Decl.Binding(spans.of(b), ident(b.name), exprs.build(b.value)));
            }
        }
        return new Decl.Law(spans.of(l), kind, ident(l.name), exprs.build(l.body), where);
    }

    private Decl.Scattering scattering(CrdlParser.ScatteringDeclContext s) {
        List<Decl.ScatteringItem> items = new ArrayList<>();
        for (CrdlParser.ScatteringItemContext item : s.scatteringItem()) {
            if (item instanceof CrdlParser.ScatteringSourcesContext src) {
                items.add(new Decl.LawList(spans.of(src), Decl.LawKind.SOURCE, names(src.nameList())));
            } else if (item instanceof CrdlParser.ScatteringDampingContext dmp) {
                items.add(new Decl.LawList(spans.of(dmp), Decl.LawKind.DAMPING, names(dmp.nameList())));
            } else if (item instanceof CrdlParser.ScatteringStructuresContext st) {
                items.add(new Decl.StructureList(spans.of(st), names(st.nameList())));
            } else {
                CrdlParser.ScatteringSettingContext set = (CrdlParser.ScatteringSettingContext) item;
                items.add(new Decl.Setting(spans.of(set), ident(set.key), exprs.build(set.value)));
            }
        }
        return new Decl.Scattering(spans.of(s), ident(s.name), items);
    }

    private Decl.Structure structure(CrdlParser.StructureDeclContext s) {
        List<Decl.StructureItem> items = new ArrayList<>();
        for (CrdlParser.StructureItemContext item : s.structureItem()) {
            if (item instanceof CrdlParser.StructureRangeContext r) {
                items.add(new Decl.StructureItem(spans.of(r), ident(r.key.start), Optional.empty(),
                        Optional.of(exprs.build(r.lo)), Optional.of(exprs.build(r.hi))));
            } else {
                CrdlParser.StructureSettingContext set = (CrdlParser.StructureSettingContext) item;
                items.add(new Decl.StructureItem(spans.of(set), ident(set.key.start), Optional.of(exprs.build(set.value)),
                        Optional.empty(), Optional.empty()));
            }
        }
        return new Decl.Structure(spans.of(s), ident(s.name), items);
    }

    private List<Ident> names(CrdlParser.NameListContext ctx) {
        List<Ident> out = new ArrayList<>();
        ctx.NAME().forEach(n -> out.add(ident(n.getSymbol())));
        return out;
    }

    private Decl.Block block(CrdlParser.BlockContext b) {
        List<Decl.Item> items = new ArrayList<>();
        for (CrdlParser.ItemContext item : b.item()) {
            if (item instanceof CrdlParser.AssignItemContext a) {
                items.add(new Decl.Assign(spans.of(a), ident(a.key.start), exprs.build(a.value)));
            } else {
                CrdlParser.DirectiveItemContext dir = (CrdlParser.DirectiveItemContext) item;
                List<Expr> args = new ArrayList<>();
                dir.expr().forEach(e -> args.add(exprs.build(e)));
                items.add(new Decl.Directive(spans.of(dir), ident(dir.key.start), args,
                        dir.block() == null ? Optional.empty() : Optional.of(block(dir.block()))));
            }
        }
        return new Decl.Block(spans.of(b), items);
    }
}
