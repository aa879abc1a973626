package io.hyperlab.cli;

import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.net.CompilerThreads;
import io.hyperlab.bench.net.IperfClient;
import io.hyperlab.bench.net.IperfError;
import io.hyperlab.bench.net.IperfServer;
import io.hyperlab.bench.net.JsonOutput;
import io.hyperlab.bench.net.Reporter;
import io.hyperlab.bench.net.TestSpec;
import io.hyperlab.bench.net.TextOutput;
import io.hyperlab.bench.net.Units;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hyperlab iperf3}: an iperf3-compatible client or server, with iperf3's option names and output. */
@Command(name = "iperf3", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"An iperf3-compatible network test (iperf 3.12 protocol): talks to stock iperf3 and to other HyperLabs.",
        "Server: hyperlab iperf3 --server [--port P]. Client: hyperlab iperf3 --client HOST [options]."})
final class IperfCommand implements Callable<Integer> {
    private static final Duration TERMINATE_WAIT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--server"}, description = "Run a server; Ctrl-C stops it.")
    boolean server;

    @Option(names = {"-c", "--client"}, paramLabel = "HOST", description = "Run a client against the server on HOST.")
    String client;

    @Option(names = {"-p", "--port"}, paramLabel = "P", defaultValue = "" + TestSpec.DEFAULT_PORT,
        description = "Server port, TCP and UDP. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = {"-u", "--udp"}, description = "UDP instead of TCP.")
    boolean udp;

    @Option(names = {"-R", "--reverse"}, description = "The server sends and this client receives.")
    boolean reverse;

    @Option(names = {"-P", "--parallel"}, paramLabel = "N", defaultValue = "1", description = "Parallel streams, 1 to 128. Default: 1.")
    int parallel;

    @Option(names = {"-t", "--time"}, paramLabel = "S", description = "Seconds to send (default 10).")
    Integer time;

    @Option(names = {"-n", "--bytes"}, paramLabel = "N", description = "Bytes to send instead of a time (K, M, G: powers of 1024).")
    String bytes;

    @Option(names = {"-k", "--blockcount"}, paramLabel = "N", description = "Blocks (writes or datagrams) to send instead of a time.")
    String blocks;

    @Option(names = {"-b", "--bitrate"}, paramLabel = "R",
        description = "Target bits per second per stream (K, M, G: powers of 1000); 0 = no limit. Default: none for TCP, 1M for UDP.")
    String bitrate;

    @Option(names = {"-l", "--length"}, paramLabel = "L",
        description = "Block length (K, M: powers of 1024). Default: 128K for TCP; for UDP the path's MSS, else 1460.")
    String length;

    @Option(names = {"-O", "--omit"}, paramLabel = "S", defaultValue = "0", description = "Leave out the first S seconds (TCP slow start).")
    int omit;

    @Option(names = {"-i", "--interval"}, paramLabel = "S", defaultValue = "1",
        description = "Seconds between interval lines; 0 = none. Default: 1.")
    double interval;

    @Option(names = {"-J", "--json"}, description = "Print iperf3's JSON document instead of lines.")
    boolean json;

    @Option(names = {"-1", "--one-off"}, description = "Server: serve one test, then exit.")
    boolean oneOff;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (server == (client != null)) {
            throw new InvalidInputException("give either --server or --client HOST");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("the port must be from 1 to 65535, not " + port);
        }
        if (interval != 0 && (interval < 0.1 || interval > 60)) {
            throw new InvalidInputException("the interval must be 0 (none) or from 0.1 to 60 seconds, not " + interval);
        }
        if (Main.ownsProcess) {
            CompilerThreads.idleDuringTests();
        }
        return server ? serve(out, err) : runClient(out, err);
    }

    private int runClient(PrintWriter out, PrintWriter err) {
        if (oneOff) {
            throw new InvalidInputException("--one-off is a server option");
        }
        TestSpec test = testSpec();
        Reporter reporter = json ? new JsonOutput(out) : new TextOutput(out, err, false);
        IperfClient iperf = new IperfClient(client, port, test, interval, reporter);
        // Ctrl-C stops the test as iperf3's Ctrl-C does: the summary so far, CLIENT_TERMINATE to the server.
        return CtrlC.stoppable("iperf3-client-stop", iperf::terminate, TERMINATE_WAIT, () -> {
            try {
                iperf.run();
                return 0;
            } catch (IperfError e) {
                return 1;
            }
        });
    }

    TestSpec testSpec() {
        TestSpec.Protocol protocol = udp ? TestSpec.Protocol.UDP : TestSpec.Protocol.TCP;
        long byteCount = bytes == null ? 0 : Units.parseSize(bytes);
        long blockCount = blocks == null ? 0 : Units.parseSize(blocks);
        if (time != null && (byteCount > 0 || blockCount > 0)) {
            throw new InvalidInputException("give only one end condition: --time, --bytes or --blockcount");
        }
        int seconds = time != null ? time : byteCount > 0 || blockCount > 0 ? 0 : TestSpec.DEFAULT_SECONDS;
        long blockLength = length == null ? 0 : Units.parseSize(length);
        if (blockLength > Integer.MAX_VALUE) {
            throw new InvalidInputException("the block length " + length + " is too large");
        }
        TestSpec test = TestSpec.of(protocol).withParallel(parallel).withReverse(reverse)
            .withEnd(seconds, byteCount, blockCount).withBlockSize((int) blockLength).withOmit(omit);
        return bitrate == null ? test : test.withBitrate(Units.parseRate(bitrate));
    }

    private int serve(PrintWriter out, PrintWriter err) throws InterruptedException {
        if (udp || reverse || time != null || bytes != null || blocks != null || bitrate != null || length != null || omit != 0
            || parallel != 1) {
            throw new InvalidInputException("the client chooses the test: --udp, --reverse, --parallel, --time, --bytes, "
                + "--blockcount, --bitrate, --length and --omit are client options");
        }
        IperfServer.Options options = new IperfServer.Options(Duration.ofSeconds(10), Duration.ofSeconds(120), interval);
        IperfServer iperf = new IperfServer(null, port, options,
            () -> json ? new JsonOutput(out) : new TextOutput(out, err, true));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            iperf.stop();
            stopped.countDown();
        }, "iperf3-server-stop");
        if (oneOff) {
            iperf.limitTests(1);
        }
        iperf.start();
        Runtime.getRuntime().addShutdownHook(hook);
        if (oneOff) {
            iperf.awaitTests(1, Duration.ofDays(3650));
            iperf.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            return iperf.lastOutcome().flatMap(IperfServer.Outcome::error).isPresent() ? 1 : 0;
        }
        stopped.await();
        return 0;
    }
}
