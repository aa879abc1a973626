package io.hyperlab.bench.cpu;

/** SciMark's Monte Carlo kernel: estimates pi from points of a fresh generator seeded with 113. */
public final class MonteCarlo {
    static final int SEED = 113;

    private MonteCarlo() {
    }

    /** Four flops a sample: three in x*x + y*y and one counted for the generator. */
    public static double flops(long samples) {
        return samples * 4.0;
    }

    public static double integrate(long samples) {
        LaggedRandom random = new LaggedRandom(SEED);
        long underCurve = 0;
        for (long count = 0; count < samples; count++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            if (x * x + y * y <= 1.0) {
                underCurve++;
            }
        }
        return (double) underCurve / samples * 4.0;
    }
}
