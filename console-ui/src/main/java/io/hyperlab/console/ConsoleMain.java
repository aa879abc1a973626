package io.hyperlab.console;

/**
 * The text console's entry point. The console itself (a Lanterna client of the appliance
 * daemon) is not built yet; until it is, this says so instead of pretending.
 */
public final class ConsoleMain {
    private ConsoleMain() {
    }

    public static void main(String[] args) {
        System.err.println("The HyperLab console is not built yet; use the command line: ./hyperlab --help");
        System.exit(1);
    }
}
