package io.hyperlab.cli;

import io.hyperlab.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hyperlab version}: this HyperLab and the Java it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the HyperLab version.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", Version.current());
        info.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        if (json) {
            Output.json(spec.commandLine().getOut(), info);
        } else {
            spec.commandLine().getOut().println("HyperLab " + info.get("version") + " (" + info.get("java") + ")");
        }
        return 0;
    }
}
