package io.hyperlab.bench;

import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.bench.net.CompilerThreads;
import io.hyperlab.bench.net.IperfClient;
import io.hyperlab.bench.net.NetworkSettings;
import io.hyperlab.bench.net.Report;
import io.hyperlab.bench.net.Reporter;
import io.hyperlab.bench.net.Session;
import io.hyperlab.bench.net.TestSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * An iperf3 test against the run's peer, as a test of a run. The study ran the iperf server on
 * the VM under test and the client on a laptop, so data flowed into the VM: {@code iperf-tcp} and
 * {@code iperf-udp} keep that direction (this client runs reversed, the peer sends); the
 * {@code -reverse} tests send from the machine under test, as PerfKitBenchmarker also measures,
 * since a virtual NIC's transmit and receive paths differ. Figures are the receiver's:
 * Transfer in MB of 2^20 bytes (iperf's MBytes, as the study printed it), Bandwidth in Mbit/s of
 * 10^6 bits, and for UDP jitter (ms), loss (%) and lost datagrams.
 */
final class IperfBenchmark implements Benchmark {
    private static final long HEAP = 64L << 20;
    private static final List<Metric> TCP = List.of(new Metric("Transfer", "MB", true), new Metric("Bandwidth", "Mbit/s", true));
    private static final List<Metric> UDP = List.of(new Metric("Transfer", "MB", true), new Metric("Bandwidth", "Mbit/s", true),
        new Metric("Jitter", "ms", false), new Metric("Packet loss", "%", false), new Metric("Lost datagrams", "datagrams", false));

    private final TestSpec.Protocol protocol;
    private final boolean studyDirection;

    IperfBenchmark(TestSpec.Protocol protocol, boolean studyDirection) {
        this.protocol = protocol;
        this.studyDirection = studyDirection;
    }

    @Override
    public String name() {
        return "iperf-" + (protocol == TestSpec.Protocol.TCP ? "tcp" : "udp") + (studyDirection ? "" : "-reverse");
    }

    @Override
    public String title() {
        return "iperf3 " + protocol.id() + (studyDirection ? ", peer to this machine" : ", this machine to peer");
    }

    @Override
    public List<Metric> metrics() {
        return protocol == TestSpec.Protocol.TCP ? TCP : UDP;
    }

    @Override
    public boolean needsPeer() {
        return true;
    }

    @Override
    public TrialPolicy policy(TrialPolicy requested, BenchSettings settings) {
        int trials = settings.network() == null ? requested.trials() : settings.network().trials();
        Integer max = requested.maxTrials() != null ? Integer.valueOf(Math.max(requested.maxTrials(), trials)) : Integer.valueOf(trials);
        return new TrialPolicy(trials, max, requested.thresholdPercent());
    }

    @Override
    public void validate(BenchSettings settings, MemInfo memory) {
        if (settings.network() == null) {
            throw new InvalidInputException(name() + " needs a peer: give --peer HOST[:PORT], a machine running iperf3 -s"
                + " or hyperlab iperf3 --server");
        }
        try {
            InetAddress.getByName(settings.network().host());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("the peer '" + settings.network().host() + "' is not a known host: give its address"
                + " or a name this machine resolves");
        }
    }

    @Override
    public long heapBytes(BenchSettings settings) {
        return HEAP;
    }

    @Override
    public Map<String, Double> runTrial(BenchSettings settings, ObjDoubleConsumer<String> progress) {
        // A trial runs in a process of its own (TrialProcess), made for this one test.
        CompilerThreads.idleDuringTests();
        NetworkSettings net = settings.network();
        TestSpec spec = TestSpec.of(protocol).withReverse(studyDirection).withEnd(net.seconds(), 0, 0);
        if (protocol == TestSpec.Protocol.UDP) {
            spec = spec.withBitrate(net.udpBitrate());
        }
        Reporter intervals = new Reporter() {
            @Override
            public void interval(Session session, Report.Interval interval) {
                progress.accept("Bandwidth", interval.sum().bitsPerSecond() / 1e6);
            }
        };
        Report.End end = new IperfClient(net.host(), net.port(), spec, 1.0, intervals).run();
        return figures(end);
    }

    private Map<String, Double> figures(Report.End end) {
        Report.Row received = end.sumReceived();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("Transfer", received.bytes() / (double) (1 << 20));
        values.put("Bandwidth", received.bitsPerSecond() / 1e6);
        if (protocol == TestSpec.Protocol.UDP) {
            values.put("Jitter", received.udp().jitterMs());
            values.put("Packet loss", received.udp().lostPercent());
            values.put("Lost datagrams", (double) received.udp().lostPackets());
        }
        return values;
    }

    /** The four network tests: the study's direction first. */
    static List<Benchmark> all() {
        List<Benchmark> tests = new ArrayList<>();
        tests.add(new IperfBenchmark(TestSpec.Protocol.TCP, true));
        tests.add(new IperfBenchmark(TestSpec.Protocol.UDP, true));
        tests.add(new IperfBenchmark(TestSpec.Protocol.TCP, false));
        tests.add(new IperfBenchmark(TestSpec.Protocol.UDP, false));
        return tests;
    }
}
