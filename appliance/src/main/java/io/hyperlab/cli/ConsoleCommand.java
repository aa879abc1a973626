package io.hyperlab.cli;

import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.console.ConsoleException;
import io.hyperlab.console.ConsoleMain;
import io.hyperlab.console.ConsoleOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hyperlab console}: the xsconsole-style text console, a client of the daemon's API. It
 * trusts the daemon's self-signed certificate by the fingerprint of the one in the data folder.
 */
@Command(name = "console", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Open the text console (menus for status, authentication, benchmarks, history...) on a running daemon.",
        "Start the daemon first with: ./hyperlab serve. Keys: arrows and Enter, Esc back, F5 refresh, F8 to confirm."})
final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--url", paramLabel = "URL",
        description = "The daemon (default: $" + ConsoleOptions.URL_ENV + ", else " + ConsoleOptions.DEFAULT_URL + ").")
    String url;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
        description = "Trust the daemon's certificate with this SHA-256 fingerprint (default: the one in DATA/tls/cert.pem).")
    String fingerprint;

    @Override
    public Integer call() {
        try {
            return ConsoleMain.run(ConsoleMain.options(url, main.dataFolder(), fingerprint));
        } catch (ConsoleException e) {
            if (e.badUsage()) {
                throw new InvalidInputException(e.getMessage());
            }
            throw new HyperLabException(e.getMessage(), e);
        }
    }
}
