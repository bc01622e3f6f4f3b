package org.crdl.syntax;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crdl.Pipeline;
import org.crdl.diag.SourceFile;

/** Random token sequences never make the front end throw: they check or give diagnostics. */
class RandomTokensTest {
    private static final List<String> TOKENS = List.of("model", "use", "param", "let", "in", "phase", "extends",
            "damping", "source", "sources", "where", "scattering", "galaxy", "observe", "against", "if", "then",
            "else", "and", "or", "not", "x", "n", "T", "B", "e", "k_par", "R", "nu", "nu_hat", "sqrt", "exp",
            "1", "0.5", "1e-9", "\"s\"", "(", ")", "[", "]", "{", "}", ",", "=", "+", "-", "*", "/", "^", "<",
            "<=", ">", ">=", "==", "!=", "[cm^-3]", "[1/s]", "[uG]", "[km/s]", "\n", "/* c */", "// c\n", "$", "\"");

    @Provide
    Arbitrary<List<String>> programs() {
        return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(60);
    }

    @Property(tries = 2000)
    void neverThrows(@ForAll("programs") List<String> tokens) {
        Pipeline.check(SourceFile.inMemory("random.crdl", String.join(" ", tokens)));
    }

    @Provide
    Arbitrary<String> declarationLike() {
        Arbitrary<String> head = Arbitraries.of("let a =", "param p =", "damping d =", "source s =",
                "phase P { n =", "scattering s { nu =");
        Arbitrary<String> body = Arbitraries.of(TOKENS).list().ofMaxSize(12).map(l -> String.join(" ", l));
        Arbitrary<String> tail = Arbitraries.of("", "}", " [1/s]", " where a = 1");
        return net.jqwik.api.Combinators.combine(head, body, tail).as((h, b, t) -> h + " " + b + t);
    }

    @Property(tries = 2000)
    void declarationsWithRandomBodiesNeverThrow(@ForAll("declarationLike") String text) {
        Pipeline.check(SourceFile.inMemory("decl.crdl", text + "\nlet ok = 1\n"));
    }
}
