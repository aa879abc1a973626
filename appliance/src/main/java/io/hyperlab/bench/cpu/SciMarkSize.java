package io.hyperlab.bench.cpu;

import io.hyperlab.InvalidInputException;
import java.util.Locale;

/** SciMark 2.0's problem sizes: normal (in cache) and large (out of cache, what PTS runs). */
public enum SciMarkSize {
    NORMAL(1024, 100, 1000, 5000, 100),
    LARGE(1_048_576, 1000, 100_000, 1_000_000, 1000);

    public final int fftSize;
    public final int sorSize;
    public final int sparseSize;
    public final int sparseNonZeros;
    public final int luSize;

    SciMarkSize(int fftSize, int sorSize, int sparseSize, int sparseNonZeros, int luSize) {
        this.fftSize = fftSize;
        this.sorSize = sorSize;
        this.sparseSize = sparseSize;
        this.sparseNonZeros = sparseNonZeros;
        this.luSize = luSize;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SciMarkSize parse(String text) {
        for (SciMarkSize size : values()) {
            if (size.id().equals(text)) {
                return size;
            }
        }
        throw new InvalidInputException("size", "unknown SciMark size '" + text + "': choose normal or large");
    }

    /** Bytes of the largest data the kernels hold at once, to size the trial's heap. */
    public long workingSetBytes() {
        long fft = 2L * 2 * fftSize * Double.BYTES;
        long sor = (long) sorSize * sorSize * Double.BYTES;
        long sparse = (long) sparseNonZeros * (Double.BYTES + Integer.BYTES) + 3L * sparseSize * Double.BYTES;
        long lu = 2L * luSize * luSize * Double.BYTES;
        return fft + sor + sparse + lu;
    }
}
