package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.bench.net.StockIperf3;
import io.hyperlab.history.History;
import io.hyperlab.history.RunInfo;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a real process: killed with -9, stopped with Ctrl-C, denied its database, running iperf3. */
class ProcessLifecycleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_IDLE = 5;

    @TempDir
    Path data;
    @TempDir
    Path readableCopy;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void runKilledWithSigkillIsMarkedInterruptedOnTheNextStartWithItsTrials() throws Exception {
        Process cli = startSlowBench("killed");
        awaitStoredTrials(1);
        List<ProcessHandle> trialProcesses = cli.descendants().toList();
        assertFalse(trialProcesses.isEmpty(), "a trial process should be running");

        cli.destroyForcibly();
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, cli.exitValue(), "SIGKILL");
        for (ProcessHandle trial : trialProcesses) {
            trial.onExit().get(30, TimeUnit.SECONDS);
        }

        Cli show = Cli.run("--data", data.toString(), "history", "show", "1", "--json");
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.err().contains("run 1 was left running by a process that ended; it is now marked interrupted"),
            show.err());
        JsonNode run = Json.MAPPER.readTree(show.out());
        assertEquals("interrupted", run.at("/run/status").asText());
        assertTrue(run.get("trials").size() >= 1, show.out());
        assertEquals(6, run.at("/trials/0/measurements").size());
    }

    @Test
    void ctrlCCancelsTheRunKeepsItsTrialsAndStopsTheTrialProcess() throws Exception {
        Process cli = startSlowBench("interrupted by hand");
        awaitStoredTrials(1);
        List<ProcessHandle> trialProcesses = cli.descendants().toList();

        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS));
        String err = new String(cli.getErrorStream().readAllBytes());

        assertEquals(130, cli.exitValue(), err);
        assertTrue(err.contains("Cancelled; the "), err);
        for (ProcessHandle trial : trialProcesses) {
            trial.onExit().get(30, TimeUnit.SECONDS);
        }
        try (History history = History.openIn(data)) {
            RunInfo run = history.listRuns().get(0);
            assertEquals("cancelled", run.status().id());
            assertEquals("cancelled by the user", run.error());
            assertTrue(run.trials() >= 1);
        }
    }

    @Test
    void iperf3ProcessCompilesOnIdleCpuTimeWhileTheTestsJvmKeepsItsCompilers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "the scheduling policies are read from Linux's /proc");
        int port = StockIperf3.freePort();
        List<String> command = javaCommand(System.getProperty("java.class.path"));
        command.addAll(List.of("iperf3", "--server", "--port", String.valueOf(port)));
        Process server = start(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD));
        StockIperf3.awaitListening(port, server::isAlive);

        Map<String, Integer> child = compilerPolicies(Path.of("/proc", String.valueOf(server.pid()), "task"));
        assertFalse(child.isEmpty(), "the JVM has compiler threads");
        child.forEach((thread, policy) -> assertEquals(SCHED_IDLE, policy, thread + " of the iperf3 process"));

        // The same command run inside this JVM (as the tests run it) serves a test but leaves this JVM's compilers alone.
        Cli client = Cli.run("iperf3", "--client", "127.0.0.1", "--port", String.valueOf(port), "--time", "1");
        assertEquals(0, client.exit(), client.toString());
        compilerPolicies(Path.of("/proc/self/task"))
            .forEach((thread, policy) -> assertEquals(SCHED_OTHER, policy, thread + " of the tests' JVM"));
    }

    @Test
    void ctrlCOnTheIperf3ClientPrintsTheSummarySoFarAndTellsTheServer() throws Exception {
        StockIperf3.assumeInstalled();
        int port = StockIperf3.freePort();
        Process server = start(new ProcessBuilder("iperf3", "-s", "-1", "-J", "-B", "127.0.0.1", "-p", String.valueOf(port)));
        StockIperf3.awaitListening(port, server::isAlive);
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(javaCommand(System.getProperty("java.class.path")));
        command.addAll(List.of("iperf3", "--client", "127.0.0.1", "--port", String.valueOf(port), "--time", "30", "--udp"));
        Process client = start(new ProcessBuilder(command));
        BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line; (line = lines.readLine()) != null && !line.contains("1.00-2.00"); ) {
            out.append(line).append('\n');
        }

        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(client.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(client.waitFor(30, TimeUnit.SECONDS));
        String rest = String.join("\n", lines.lines().toList());
        String err = new String(client.getErrorStream().readAllBytes());
        StockIperf3.Run stock = StockIperf3.finish(server, 10);

        assertEquals(Main.EXIT_CANCELLED, client.exitValue(), err);
        assertEquals("iperf3: interrupt - the client has terminated\n", err);
        assertTrue(rest.contains("sender") && rest.contains("receiver") && !rest.contains("iperf Done."), out + rest);
        assertEquals("the client has terminated", stock.json().path("error").asText(), stock.toString());
    }

    /** The scheduling policy (field 41 of stat) of each JIT compiler thread among {@code tasks}. */
    private static Map<String, Integer> compilerPolicies(Path tasks) throws IOException {
        Map<String, Integer> policies = new TreeMap<>();
        try (var list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    policies.put(name + " " + task.getFileName(), Integer.parseInt(fields[41 - 3]));
                }
            }
        }
        return policies;
    }

    @Test
    void databaseThisUserCannotWriteIsRefusedWithExitOne() throws Exception {
        History.openIn(data).close();
        Path file = data.resolve(History.FILE_NAME);
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // Root writes any file: run the command line as nobody, on a copy of the classes nobody can read.
            assumeTrue(new File("/usr/bin/setpriv").canExecute(), "setpriv (util-linux) is needed to drop root");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            command.addAll(javaCommand(readableClasspath()));
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
            command.addAll(javaCommand(System.getProperty("java.class.path")));
        }
        command.addAll(List.of("--data", data.toString(), "history", "list"));
        Process cli = start(new ProcessBuilder(command));
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS));
        String err = new String(cli.getErrorStream().readAllBytes());

        assertEquals(1, cli.exitValue(), err);
        assertTrue(err.contains("the history database " + file + " is not writable by this user"), err);
    }

    private Process startSlowBench(String label) throws IOException {
        // A shell that starts the tests in the background (CI runners, `cmd &`) passes SIGINT on as ignored, and the
        // JVM then keeps ignoring it as it should; give the command line the default action a terminal gives it.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(javaCommand(System.getProperty("java.class.path")));
        command.addAll(List.of("--data", data.toString(), "bench", "--suite", "cpu", "--size", "normal",
            "--min-time", "0.3", "--trials", "5", "--max-trials", "5", "--label", label));
        return start(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD));
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private void awaitStoredTrials(int trials) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(data.resolve(History.FILE_NAME))) {
                try (History history = History.openIn(data)) {
                    List<RunInfo> runs = history.listRuns();
                    if (!runs.isEmpty() && runs.get(0).trials() >= trials) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run stored " + trials + " trials within " + PATIENCE);
    }

    private static List<String> javaCommand(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.add(Main.class.getName());
        return command;
    }

    /** The classpath copied where any user can read it. */
    private String readableClasspath() throws IOException {
        Path copy = readableCopy;
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            Path target = copy.resolve(n++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                try (var walk = Files.walk(source)) {
                    for (Path p : walk.toList()) {
                        Path to = target.resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
            } else if (Files.exists(source)) {
                Files.copy(source, target);
            }
            entries.add(target.toString());
        }
        try (var walk = Files.walk(copy)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
