package io.hyperlab.bench.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * SciMark 2.0: five numeric kernels timed with the cycle-doubling loop, in MFLOPS, and their
 * mean as the composite. One generator seeded with 101010 supplies the data, in the reference
 * order FFT, SOR, Sparse, LU.
 */
public final class SciMark {
    public static final int SEED = 101010;
    public static final double DEFAULT_MIN_SECONDS = 2.0;

    public static final String COMPOSITE = "Composite";
    public static final String FFT = "Fast Fourier Transform";
    public static final String SOR = "Jacobi Successive Over-Relaxation";
    public static final String MONTE_CARLO = "Monte Carlo";
    public static final String SPARSE = "Sparse Matrix Multiply";
    public static final String LU = "Dense LU Matrix Factorization";

    /** The metric names in the order the reference prints them. */
    public static final List<String> METRICS = List.of(COMPOSITE, FFT, SOR, MONTE_CARLO, SPARSE, LU);

    private SciMark() {
    }

    /**
     * Runs the five kernels and returns MFLOPS by metric name, composite first.
     * {@code kernelDone} hears each kernel's figure as soon as it is known.
     */
    public static Map<String, Double> run(SciMarkSize size, double minSeconds, ObjDoubleConsumer<String> kernelDone) {
        LaggedRandom random = new LaggedRandom(SEED);
        Map<String, Double> kernels = new LinkedHashMap<>();
        record(kernels, FFT, measureFft(size.fftSize, minSeconds, random), kernelDone);
        record(kernels, SOR, measureSor(size.sorSize, minSeconds, random), kernelDone);
        record(kernels, MONTE_CARLO, measureMonteCarlo(minSeconds), kernelDone);
        record(kernels, SPARSE, measureSparse(size.sparseSize, size.sparseNonZeros, minSeconds, random), kernelDone);
        record(kernels, LU, measureLu(size.luSize, minSeconds, random), kernelDone);

        Map<String, Double> result = new LinkedHashMap<>();
        result.put(COMPOSITE, kernels.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        result.putAll(kernels);
        return result;
    }

    static double measureFft(int n, double minSeconds, LaggedRandom random) {
        double[] x = random.vector(2 * n);
        double[] original = x.clone();
        CpuTimer.Timing timing = CpuTimer.measure(minSeconds, cycles -> {
            for (long i = 0; i < cycles; i++) {
                Fft.transform(x);
                Fft.inverse(x);
            }
        });
        Fft.checkRoundTrip(original, x);
        return timing.mflops(Fft.flops(n) * timing.cycles());
    }

    static double measureSor(int n, double minSeconds, LaggedRandom random) {
        double[][] grid = random.matrix(n, n);
        CpuTimer.Timing timing = CpuTimer.measure(minSeconds, cycles -> Sor.execute(Sor.OMEGA, grid, cycles));
        return timing.mflops(Sor.flops(n, n, timing.cycles()));
    }

    static double measureMonteCarlo(double minSeconds) {
        CpuTimer.Timing timing = CpuTimer.measure(minSeconds, MonteCarlo::integrate);
        return timing.mflops(MonteCarlo.flops(timing.cycles()));
    }

    static double measureSparse(int n, int nz, double minSeconds, LaggedRandom random) {
        double[] x = random.vector(n);
        double[] y = new double[n];
        SparseMatmult matrix = SparseMatmult.create(n, nz, random);
        CpuTimer.Timing timing = CpuTimer.measure(minSeconds, cycles -> matrix.multiply(y, x, cycles));
        return timing.mflops(SparseMatmult.flops(n, nz, timing.cycles()));
    }

    static double measureLu(int n, double minSeconds, LaggedRandom random) {
        double[][] a = random.matrix(n, n);
        double[][] lu = new double[n][n];
        int[] pivot = new int[n];
        CpuTimer.Timing timing = CpuTimer.measure(minSeconds, cycles -> {
            for (long i = 0; i < cycles; i++) {
                for (int r = 0; r < n; r++) {
                    System.arraycopy(a[r], 0, lu[r], 0, n);
                }
                LuFactorization.factor(lu, pivot);
            }
        });
        LuFactorization.checkSolves(a, lu, pivot, random.vector(n));
        return timing.mflops(LuFactorization.flops(n) * timing.cycles());
    }

    private static void record(Map<String, Double> kernels, String metric, double mflops, ObjDoubleConsumer<String> kernelDone) {
        kernels.put(metric, mflops);
        kernelDone.accept(metric, mflops);
    }
}
