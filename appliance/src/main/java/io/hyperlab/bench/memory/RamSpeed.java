package io.hyperlab.bench.memory;

import io.hyperlab.BenchmarkFailure;
import io.hyperlab.ByteSize;
import io.hyperlab.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.ObjDoubleConsumer;

/**
 * RAMspeed/SMP's INTmem and FLOATmem: each worker thread owns its arrays and repeats an operation
 * over them until it has covered the pass size; the workers start each operation together and
 * the bandwidth is workers x bytes / mean worker time, in decimal MB/s.
 */
public final class RamSpeed {
    public static final long DEFAULT_ARRAY_BYTES = 32L << 20;
    public static final long DEFAULT_PASS_BYTES = 8L << 30;
    public static final String AVERAGE = "Average";
    /** Metric names in the order RAMspeed prints them. */
    public static final List<String> METRICS = List.of("Copy", "Scale", "Add", "Triad", AVERAGE);

    private static final int WARM_UP_ELEMENTS = 4096;
    private static final long WARM_UP_NANOS = 50_000_000L;

    /** RAMspeed's two data types: 64-bit integers (INTmem, -b 3) and doubles (FLOATmem, -b 6). */
    public enum DataType {
        INTEGER(IntMem::new),
        FLOAT(FloatMem::new);

        private final IntFunction<MemoryKernels> arrays;

        DataType(IntFunction<MemoryKernels> arrays) {
            this.arrays = arrays;
        }
    }

    /** What one run measures: the data type, the workers, each array's size and the pass size. */
    public record Config(DataType type, int threads, long arrayBytes, long passBytes) {
        /** The largest array Java can hold, in bytes (both element types are 8 bytes wide). */
        public static final long MAX_ARRAY_BYTES = (Integer.MAX_VALUE - 8L) * 8;
        /** Every worker holds three arrays (Add and Triad touch three). */
        public static final int ARRAYS_PER_WORKER = 3;

        public Config {
            if (threads < 1 || threads > 1024) {
                throw new InvalidInputException("threads", "memory threads must be from 1 to 1024, not " + threads);
            }
            if (arrayBytes < 1024 || arrayBytes % 8 != 0 || arrayBytes > MAX_ARRAY_BYTES) {
                throw new InvalidInputException("arraySize", "memory array size must be a multiple of 8 bytes from 1 KiB to "
                    + ByteSize.format(MAX_ARRAY_BYTES) + ", not " + arrayBytes + " bytes (" + ByteSize.format(arrayBytes) + ")");
            }
            if (passBytes < arrayBytes) {
                throw new InvalidInputException("passSize", "memory pass size (" + ByteSize.format(passBytes)
                    + ") must be at least the array size (" + ByteSize.format(arrayBytes) + ")");
            }
        }

        /** How many times each operation sweeps the arrays: the pass size over the array size. */
        public long passes() {
            return passBytes / arrayBytes;
        }

        /** Memory the arrays of all workers take together. */
        public long totalArrayBytes() {
            return ARRAYS_PER_WORKER * arrayBytes * threads;
        }
    }

    private RamSpeed() {
    }

    /**
     * Runs Copy, Scale, Add and Triad and returns MB/s by metric name, with Average last;
     * {@code opDone} hears each figure as soon as it is known.
     */
    public static Map<String, Double> run(Config config, ObjDoubleConsumer<String> opDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "ramspeed-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<MemoryKernels> workers = allocate(pool, config);
            Map<String, Double> result = new LinkedHashMap<>();
            double sum = 0;
            for (MemoryOp op : MemoryOp.values()) {
                double mbps = megabytesPerSecond(op, config, meanSeconds(time(pool, workers, op, config.passes())));
                result.put(op.metric, mbps);
                opDone.accept(op.metric, mbps);
                sum += mbps;
            }
            double average = sum / MemoryOp.values().length;
            result.put(AVERAGE, average);
            opDone.accept(AVERAGE, average);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** RAMspeed's figure: every worker moved passes x bytes per pass, in the mean worker time. */
    static double megabytesPerSecond(MemoryOp op, Config config, double meanSeconds) {
        double bytes = (double) config.threads() * config.passes() * op.bytesPerPass(config.arrayBytes());
        return bytes / meanSeconds / 1.0e6;
    }

    static double meanSeconds(List<Double> seconds) {
        return seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Each worker allocates and fills its own arrays (so its memory is local) and warms the JIT up. */
    private static List<MemoryKernels> allocate(ExecutorService pool, Config config) throws InterruptedException {
        int elements = (int) (config.arrayBytes() / 8);
        List<Callable<MemoryKernels>> tasks = new ArrayList<>();
        for (int w = 0; w < config.threads(); w++) {
            tasks.add(() -> {
                MemoryKernels kernels = config.type().arrays.apply(elements);
                warmUp(config.type().arrays.apply(WARM_UP_ELEMENTS));
                return kernels;
            });
        }
        return collect(pool.invokeAll(tasks));
    }

    /** Runs each kernel on small arrays long enough for the JIT to compile it before timing starts. */
    private static void warmUp(MemoryKernels small) {
        for (MemoryOp op : MemoryOp.values()) {
            long end = System.nanoTime() + WARM_UP_NANOS;
            while (System.nanoTime() < end) {
                small.pass(op);
            }
        }
    }

    private static List<Double> time(ExecutorService pool, List<MemoryKernels> workers, MemoryOp op, long passes)
        throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(workers.size());
        List<Callable<Double>> tasks = new ArrayList<>();
        for (MemoryKernels kernels : workers) {
            tasks.add(() -> {
                start.await();
                long begin = System.nanoTime();
                for (long p = 0; p < passes; p++) {
                    kernels.pass(op);
                }
                return (System.nanoTime() - begin) * 1.0e-9;
            });
        }
        return collect(pool.invokeAll(tasks));
    }

    private static <T> List<T> collect(List<Future<T>> futures) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof OutOfMemoryError) {
                    throw new BenchmarkFailure("the memory benchmark's arrays do not fit in its heap: " + cause.getMessage());
                }
                if (cause instanceof BrokenBarrierException || cause instanceof InterruptedException) {
                    throw new InterruptedException("a memory worker was interrupted");
                }
                throw new BenchmarkFailure("a memory worker failed: " + cause);
            }
        }
        return results;
    }
}
