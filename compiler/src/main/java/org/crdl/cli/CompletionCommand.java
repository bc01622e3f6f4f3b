package org.crdl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl completion bash}: prints picocli's bash (and zsh-compatible) completion script for
 * every command and option; load it with {@code source <(crdl completion bash)}.
 */
@Command(name = "completion", description = "Print a shell completion script: source <(crdl completion bash).")
final class CompletionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHELL", description = "bash (the script also works in zsh with bashcompinit)")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "only bash completion is generated, not '"
                    + shell + "'");
        }
        System.out.print(AutoComplete.bash("crdl", new CommandLine(new Main())));
        System.out.flush();
        return Main.OK;
    }
}
