package io.hyperlab.bench.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SciMarkTest {

    @Test
    void runGivesTheCompositeAsTheMeanOfTheFiveKernelsInReferenceOrder() {
        List<String> heard = new ArrayList<>();
        Map<String, Double> result = SciMark.run(SciMarkSize.NORMAL, 0.01, (metric, value) -> heard.add(metric));

        assertEquals(SciMark.METRICS, List.copyOf(result.keySet()));
        assertEquals(List.of(SciMark.FFT, SciMark.SOR, SciMark.MONTE_CARLO, SciMark.SPARSE, SciMark.LU), heard);
        double sum = 0;
        for (String kernel : heard) {
            assertTrue(result.get(kernel) > 0, kernel + " gave " + result.get(kernel));
            sum += result.get(kernel);
        }
        assertEquals(sum / 5, result.get(SciMark.COMPOSITE), 1e-9);
    }

    @Test
    void timingLoopDoublesCyclesUntilABatchLastsTheMinimumTime() {
        List<Long> batches = new ArrayList<>();
        CpuTimer.Timing timing = CpuTimer.measure(0.05, cycles -> {
            batches.add(cycles);
            busy(cycles * 200_000);
        });
        for (int i = 0; i < batches.size(); i++) {
            assertEquals(1L << i, batches.get(i));
        }
        assertEquals(batches.get(batches.size() - 1), timing.cycles());
        assertTrue(timing.seconds() >= 0.05, "the last batch lasted " + timing.seconds() + " s");
        assertTrue(batches.size() > 1, "a batch of one cycle should be shorter than 50 ms");
    }

    @Test
    void sizesAreThoseOfSciMark() {
        assertEquals(1024, SciMarkSize.NORMAL.fftSize);
        assertEquals(100, SciMarkSize.NORMAL.sorSize);
        assertEquals(1000, SciMarkSize.NORMAL.sparseSize);
        assertEquals(5000, SciMarkSize.NORMAL.sparseNonZeros);
        assertEquals(100, SciMarkSize.NORMAL.luSize);
        assertEquals(1_048_576, SciMarkSize.LARGE.fftSize);
        assertEquals(1000, SciMarkSize.LARGE.sorSize);
        assertEquals(100_000, SciMarkSize.LARGE.sparseSize);
        assertEquals(1_000_000, SciMarkSize.LARGE.sparseNonZeros);
        assertEquals(1000, SciMarkSize.LARGE.luSize);
    }

    private static double sink;

    private static void busy(long iterations) {
        double x = 1;
        for (long i = 0; i < iterations; i++) {
            x = x * 1.0000001 + 1e-9;
        }
        sink = x;
    }
}
