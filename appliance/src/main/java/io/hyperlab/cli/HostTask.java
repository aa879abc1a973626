package io.hyperlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command of the host, vm, iso-library, network and actions families: it gets the history's host access and --json. */
abstract class HostTask implements Runnable {
    @Spec
    CommandSpec spec;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public final void run() {
        try (HostAccess access = HostAccess.open((Main) spec.root().userObject(), err())) {
            run(access);
        }
    }

    abstract void run(HostAccess access);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints the value as JSON, or the text when --json is not given. */
    void print(Object value, String text) {
        if (json) {
            Output.json(out(), value);
        } else {
            out().print(text.endsWith("\n") ? text : text + "\n");
            out().flush();
        }
    }
}
