package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyperlab console} before it takes the screen: help, bad options, and no daemon to talk to. */
class ConsoleCommandTest {
    @TempDir
    Path data;

    @Test
    void helpListsConsoleWithItsOptions() {
        Cli top = Cli.run("--help");
        assertTrue(top.out().contains("console"), top.toString());
        Cli help = Cli.run("console", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("--url") && help.out().contains("--fingerprint") && help.out().contains("./hyperlab serve"),
            help.toString());
    }

    @Test
    void noDaemonIsExitOneWithTheCommandThatStartsIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli cli = Cli.run("--data", data.toString(), "console", "--url", "https://127.0.0.1:" + closedPort + "/");
        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("no HyperLab daemon answers at https://127.0.0.1:" + closedPort + "/"), cli.toString());
        assertTrue(cli.err().contains("Start it with: ./hyperlab serve"), cli.toString());
    }

    @Test
    void badUrlOrFingerprintIsAUsageError() {
        for (String[] args : new String[][] {
            {"console", "--url", "ftp://127.0.0.1/"},
            {"console", "--url", "http://192.0.2.10:8080/"},
            {"console", "--url", "https://"},
            {"console", "--fingerprint", "AB:CD"}}) {
            Cli cli = Cli.run(args);
            assertEquals(2, cli.exit(), cli.toString());
            assertTrue(cli.err().contains(args[1]), "the message names the option: " + cli);
        }
        Cli plain = Cli.run("console", "--url", "http://192.0.2.10:8080/");
        assertTrue(plain.err().contains("plain http is allowed only to a daemon on this machine"), plain.toString());
    }
}
