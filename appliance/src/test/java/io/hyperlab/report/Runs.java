package io.hyperlab.report;

import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.History;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stores runs in a real history the way the run engine does, with chosen values. */
final class Runs {
    static final Environment KVM = new Environment("KVM", "HVM", "AMD EPYC 7B13", 2, 8L << 30, "6.1.0-13-cloud-amd64",
        "Debian GNU/Linux 12 (bookworm)", "lab-kvm", "0.1.0", "OpenJDK 17");
    static final Environment XEN = new Environment("Xen", "PV", "AMD EPYC 7B13", 2, 8L << 30, "6.1.0-13-cloud-amd64",
        "Debian GNU/Linux 12 (bookworm)", "lab-xen", "0.1.0", "OpenJDK 17");

    private Runs() {
    }

    /** A completed cpu run whose trial k has Composite = composites[k] and FFT = composites[k] / 4. */
    static long scimark(History history, String label, Environment env, String size, double... composites) {
        long id = history.startRun("cpu", label, "{\"settings\":{\"scimarkSize\":\"" + size + "\",\"threads\":2}}", env);
        for (int k = 0; k < composites.length; k++) {
            Instant at = Instant.parse("2026-11-25T10:00:00Z").plusSeconds(k * 60L);
            history.addTrial(id, new Trial("scimark2", k + 1, at, at.plusSeconds(30), List.of(
                new Measurement("Composite", "MFLOPS", true, composites[k]),
                new Measurement("Fast Fourier Transform", "MFLOPS", true, composites[k] / 4))));
        }
        history.finishRun(id, RunStatus.COMPLETED, null);
        return id;
    }

    /** A completed network run with UDP jitter (lower is better) and bandwidth. */
    static long network(History history, String label, Environment env, double[] jitters, double[] bandwidths) {
        long id = history.startRun("network", label, "{}", env);
        for (int k = 0; k < jitters.length; k++) {
            Instant at = Instant.parse("2026-11-25T11:00:00Z").plusSeconds(k * 20L);
            List<Measurement> measurements = new ArrayList<>();
            measurements.add(new Measurement("Bandwidth", "Mbit/s", true, bandwidths[k]));
            measurements.add(new Measurement("Jitter", "ms", false, jitters[k]));
            history.addTrial(id, new Trial("iperf-udp", k + 1, at, at.plusSeconds(10), measurements));
        }
        history.finishRun(id, RunStatus.COMPLETED, null);
        return id;
    }
}
