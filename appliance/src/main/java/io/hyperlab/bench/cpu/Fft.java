package io.hyperlab.bench.cpu;

import io.hyperlab.BenchmarkFailure;

/**
 * SciMark's FFT kernel: an in-place complex radix-2 decimation-in-time transform with Goldrader
 * bit reversal and sine-recurrence twiddles. Data holds n complex values as (re, im) pairs.
 */
public final class Fft {
    /** The round-trip error per element above which a result is rejected, as in NIST's Java. */
    static final double MAX_ERROR = 1.0e-10;

    private Fft() {
    }

    /** Flops of one forward plus inverse transform of n complex values, as SciMark counts them. */
    public static double flops(int n) {
        double nd = n;
        return (5.0 * nd - 2) * log2(n) + 2 * (nd + 1);
    }

    public static void transform(double[] data) {
        transform(data, -1);
    }

    /** The inverse transform, normalised so that transform then inverse gives the input back. */
    public static void inverse(double[] data) {
        transform(data, +1);
        int n = data.length / 2;
        double norm = 1.0 / n;
        for (int k = 0; k < data.length; k++) {
            data[k] *= norm;
        }
    }

    /**
     * Fails when {@code after} is not {@code original} within SciMark's tolerance: after any
     * number of forward-and-inverse cycles the data must come back.
     */
    public static void checkRoundTrip(double[] original, double[] after) {
        double sum = 0;
        for (int k = 0; k < original.length; k++) {
            double d = after[k] - original[k];
            sum += d * d;
        }
        double error = Math.sqrt(sum / original.length) / (original.length / 2);
        if (!(error <= MAX_ERROR)) {
            throw new BenchmarkFailure(String.format(
                "FFT round trip does not give the input back: error %.3g per element, at most %.0e allowed",
                error, MAX_ERROR));
        }
    }

    static int log2(int n) {
        int log = Integer.numberOfTrailingZeros(n);
        if (n <= 0 || n != 1 << log) {
            throw new IllegalArgumentException("FFT size " + n + " is not a power of two");
        }
        return log;
    }

    private static void transform(double[] data, int direction) {
        int n = data.length / 2;
        if (n <= 1) {
            return;
        }
        int logn = log2(n);
        bitReverse(data);
        for (int bit = 0, dual = 1; bit < logn; bit++, dual *= 2) {
            double wReal = 1.0;
            double wImag = 0.0;
            double theta = 2.0 * direction * Math.PI / (2.0 * dual);
            double s = Math.sin(theta);
            double t = Math.sin(theta / 2.0);
            double s2 = 2.0 * t * t;

            for (int b = 0; b < n; b += 2 * dual) {
                int i = 2 * b;
                int j = 2 * (b + dual);
                double wdReal = data[j];
                double wdImag = data[j + 1];
                data[j] = data[i] - wdReal;
                data[j + 1] = data[i + 1] - wdImag;
                data[i] += wdReal;
                data[i + 1] += wdImag;
            }
            for (int a = 1; a < dual; a++) {
                double tmpReal = wReal - s * wImag - s2 * wReal;
                double tmpImag = wImag + s * wReal - s2 * wImag;
                wReal = tmpReal;
                wImag = tmpImag;
                for (int b = 0; b < n; b += 2 * dual) {
                    int i = 2 * (b + a);
                    int j = 2 * (b + a + dual);
                    double z1Real = data[j];
                    double z1Imag = data[j + 1];
                    double wdReal = wReal * z1Real - wImag * z1Imag;
                    double wdImag = wReal * z1Imag + wImag * z1Real;
                    data[j] = data[i] - wdReal;
                    data[j + 1] = data[i + 1] - wdImag;
                    data[i] += wdReal;
                    data[i + 1] += wdImag;
                }
            }
        }
    }

    private static void bitReverse(double[] data) {
        int n = data.length / 2;
        int nm1 = n - 1;
        for (int i = 0, j = 0; i < nm1; i++) {
            int ii = i << 1;
            int jj = j << 1;
            int k = n >> 1;
            if (i < j) {
                double tmpReal = data[ii];
                double tmpImag = data[ii + 1];
                data[ii] = data[jj];
                data[ii + 1] = data[jj + 1];
                data[jj] = tmpReal;
                data[jj + 1] = tmpImag;
            }
            while (k <= j) {
                j -= k;
                k >>= 1;
            }
            j += k;
        }
    }
}
