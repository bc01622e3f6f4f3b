package org.crdl.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostic;
import org.crdl.diag.Diagnostics;
import org.crdl.diag.Suggestions;
import org.crdl.syntax.Decl;
import org.crdl.syntax.Expr;

/**
 * The items of a generically parsed block ({@code galaxy}, {@code environment} and their
 * sub-blocks), shared by the checkers that give them meaning: items by key with unknown and
 * repeated keys reported, the single value an item carries, and on/off flags.
 */
final class BlockItems {
    private BlockItems() {
    }

    /** Items by key, in order; unknown keys (with a suggestion) and repeats of non-repeatable keys are reported. */
    static Map<String, List<Decl.Item>> collect(Decl.Block block, List<String> known, Set<String> repeatable,
                                                String where, Diagnostics diagnostics) {
        Map<String, List<Decl.Item>> byKey = new LinkedHashMap<>();
        for (Decl.Item item : block.items()) {
            String key = item.key().name();
            if (!known.contains(key)) {
                diagnostics.report(Code.GALAXY_UNKNOWN_ITEM, item.key().span(), "item in " + where, key,
                        Suggestions.didYouMean(key, known), "the items are " + String.join(", ", known));
                continue;
            }
            List<Decl.Item> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            if (!list.isEmpty() && !repeatable.contains(key)) {
                diagnostics.report(Diagnostic.of(Code.GALAXY_DUPLICATE_ITEM, item.key().span(), key + " in " + where)
                        .withNote(list.get(0).key().span(), "'" + key + "' was first given here"));
                continue;
            }
            list.add(item);
        }
        return byKey;
    }

    /** The one value of {@code key = value} or of a directive {@code key value}. */
    static Optional<Expr> singleValue(Decl.Item item) {
        if (item instanceof Decl.Assign a) {
            return Optional.of(a.value());
        }
        Decl.Directive d = (Decl.Directive) item;
        return d.args().size() == 1 ? Optional.of(d.args().get(0)) : Optional.empty();
    }

    /** The values of a list item: {@code key a, b} or {@code key = a}. */
    static List<Expr> values(Decl.Item item) {
        return item instanceof Decl.Directive d ? d.args() : List.of(((Decl.Assign) item).value());
    }

    /** on/true or off/false; empty for anything else. */
    static Optional<Boolean> onOff(Decl.Item item) {
        Optional<Expr> v = singleValue(item);
        if (v.isPresent() && v.get() instanceof Expr.Name n) {
            switch (n.name()) {
                case "on", "true" -> {
                    return Optional.of(true);
                }
                case "off", "false" -> {
                    return Optional.of(false);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
