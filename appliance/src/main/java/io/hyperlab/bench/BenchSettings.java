package io.hyperlab.bench;

import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.cpu.SciMark;
import io.hyperlab.bench.cpu.SciMarkSize;
import io.hyperlab.bench.memory.RamSpeed;
import io.hyperlab.bench.net.NetworkSettings;
import java.util.Objects;

/**
 * The knobs of the benchmarks, each with the published tool's default.
 *
 * @param scimarkSize  SciMark's problem size (large, as PTS and the study ran it)
 * @param minSeconds   SciMark's minimum time per kernel
 * @param threads      RAMspeed's workers, each with private arrays
 * @param arrayBytes   RAMspeed's size of each array
 * @param passBytes    RAMspeed's bytes each worker sweeps per operation
 * @param network      the network tests' peer and knobs, or null when no peer was given
 */
public record BenchSettings(SciMarkSize scimarkSize, double minSeconds, int threads, long arrayBytes, long passBytes,
                            NetworkSettings network) {

    public BenchSettings {
        Objects.requireNonNull(scimarkSize, "scimarkSize");
        if (!(minSeconds > 0 && minSeconds <= 600)) {
            throw new InvalidInputException("minTime", "SciMark minimum time must be more than 0 and at most 600 seconds, not " + minSeconds);
        }
        new RamSpeed.Config(RamSpeed.DataType.INTEGER, threads, arrayBytes, passBytes);
    }

    /** Settings without a network peer. */
    public BenchSettings(SciMarkSize scimarkSize, double minSeconds, int threads, long arrayBytes, long passBytes) {
        this(scimarkSize, minSeconds, threads, arrayBytes, passBytes, null);
    }

    public static BenchSettings defaults() {
        return new BenchSettings(SciMarkSize.LARGE, SciMark.DEFAULT_MIN_SECONDS, Runtime.getRuntime().availableProcessors(),
            RamSpeed.DEFAULT_ARRAY_BYTES, RamSpeed.DEFAULT_PASS_BYTES);
    }

    public BenchSettings withNetwork(NetworkSettings peer) {
        return new BenchSettings(scimarkSize, minSeconds, threads, arrayBytes, passBytes, peer);
    }

    /** The memory benchmark's configuration for one data type. */
    public RamSpeed.Config memory(RamSpeed.DataType type) {
        return new RamSpeed.Config(type, threads, arrayBytes, passBytes);
    }
}
