package org.crdl.cli;

import java.util.ArrayList;
import java.util.List;
import org.crdl.Pipeline;
import org.crdl.runtime.model.CompiledModel;
import org.crdl.runtime.params.Parameter;
import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a model: the engine and parameter overrides. */
final class ModelOptions {

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "override a param without recompiling, e.g. --set delta=0.5 or --set H=6[kpc] (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "compiled|interpreted",
            description = "run generated code (default) or the IR interpreter")
    String engine = "compiled";

    /** Options given in code (archives): these overrides and engine. */
    static ModelOptions of(List<String> overrides, String engine) {
        ModelOptions o = new ModelOptions();
        o.overrides = new ArrayList<>(overrides);
        o.engine = engine == null ? "compiled" : engine;
        return o;
    }

    Pipeline.Engine engine() {
        return switch (engine) {
            case "compiled" -> Pipeline.Engine.COMPILED;
            case "interpreted" -> Pipeline.Engine.INTERPRETED;
            default -> throw new UsageException("--engine is 'compiled' or 'interpreted', not '" + engine + "'");
        };
    }

    /** The model's parameters with every --set applied (unit-checked and range-checked). */
    ParameterSet parameters(CompiledModel model) {
        ParameterSet p = model.defaultParameters();
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new UsageException("--set expects NAME=VALUE, got '" + o + "'");
            }
            String name = kv[0].strip();
            int i = p.indexOf(name);
            if (i < 0) {
                throw new UsageException("model " + model.name() + " has no parameter '" + name + "'; parameters: "
                        + (p.all().isEmpty() ? "none" : String.join(", ", p.names())));
            }
            Parameter d = p.all().get(i);
            double value = CliQuantity.parse(kv[1], d.dimension(), null, "parameter " + name);
            try {
                p = p.with(name, value);
            } catch (ModelException e) {
                throw new UsageException("--set " + o + ": " + e.getMessage());   // outside the declared range
            }
        }
        return p;
    }
}
