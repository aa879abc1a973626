package io.hyperlab.bench.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RamSpeedTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void copyAndScaleCountTwoArraysAddAndTriadThree() {
        assertEquals(2 * 32 * MIB, MemoryOp.COPY.bytesPerPass(32 * MIB));
        assertEquals(2 * 32 * MIB, MemoryOp.SCALE.bytesPerPass(32 * MIB));
        assertEquals(3 * 32 * MIB, MemoryOp.ADD.bytesPerPass(32 * MIB));
        assertEquals(3 * 32 * MIB, MemoryOp.TRIAD.bytesPerPass(32 * MIB));
    }

    @Test
    void bandwidthIsWorkersTimesBytesOverMeanTimeInDecimalMegabytes() {
        RamSpeed.Config config = new RamSpeed.Config(RamSpeed.DataType.INTEGER, 2, 32 * MIB, 8 * GIB);
        assertEquals(256, config.passes());
        // RAMspeed: 8 GiB pass, Copy counts 2x: 16 GiB per worker, two workers, in 2 s (mean).
        double expectedCopy = 2 * 16.0 * GIB / 2.0 / 1e6;
        assertEquals(expectedCopy, RamSpeed.megabytesPerSecond(MemoryOp.COPY, config, 2.0), 1e-9);
        assertEquals(expectedCopy * 1.5, RamSpeed.megabytesPerSecond(MemoryOp.TRIAD, config, 2.0), 1e-9);
        assertEquals(17179.869184, RamSpeed.megabytesPerSecond(MemoryOp.COPY, config, 2.0), 1e-6);
    }

    @Test
    void meanTimeIsTheMeanOfTheWorkers() {
        assertEquals(1.5, RamSpeed.meanSeconds(List.of(1.0, 2.0)));
    }

    @Test
    void passesRoundDownToWholeSweeps() {
        RamSpeed.Config config = new RamSpeed.Config(RamSpeed.DataType.FLOAT, 1, 3 * MIB, 10 * MIB);
        assertEquals(3, config.passes());
        assertEquals(3 * 3 * MIB, config.totalArrayBytes());
    }

    @Test
    void integerKernelsComputeRamSpeedsOperations() {
        long[] a = {33, 33, 33, 1};
        long[] b = {55, 55, 55, 2};
        long[] c = new long[4];
        IntMem.add(a, b, c);
        assertArrayEquals(new long[] {88, 88, 88, 3}, c);
        IntMem.triad(a, b, c);
        assertArrayEquals(new long[] {33 + 77 * 55, 33 + 77 * 55, 33 + 77 * 55, 1 + 77 * 2}, c);
        IntMem.scale(a, b);
        assertArrayEquals(new long[] {77 * 33, 77 * 33, 77 * 33, 77}, b);
        IntMem.copy(a, b);
        assertArrayEquals(a, b);
    }

    @Test
    void floatKernelsComputeRamSpeedsOperations() {
        double[] a = {Math.PI, 1.5};
        double[] b = {Math.PI, -2.0};
        double[] c = new double[2];
        FloatMem.add(a, b, c);
        assertArrayEquals(new double[] {Math.PI + Math.PI, -0.5}, c);
        FloatMem.triad(a, b, c);
        assertArrayEquals(new double[] {Math.PI + Math.log(2) * Math.PI, 1.5 - 2 * Math.log(2)}, c);
        FloatMem.scale(a, b);
        assertArrayEquals(new double[] {Math.log(2) * Math.PI, Math.log(2) * 1.5}, b);
        FloatMem.copy(a, b);
        assertArrayEquals(a, b);
        assertEquals(Math.log(2), FloatMem.M);
    }

    @Test
    void runMeasuresTheFourOperationsAndTheirAverage() throws InterruptedException {
        List<String> heard = new ArrayList<>();
        Map<String, Double> result = RamSpeed.run(new RamSpeed.Config(RamSpeed.DataType.INTEGER, 2, MIB, 16 * MIB),
            (metric, value) -> heard.add(metric));
        assertEquals(RamSpeed.METRICS, List.copyOf(result.keySet()));
        assertEquals(RamSpeed.METRICS, heard);
        double sum = 0;
        for (MemoryOp op : MemoryOp.values()) {
            assertTrue(result.get(op.metric) > 0, op.metric + " gave " + result.get(op.metric));
            sum += result.get(op.metric);
        }
        assertEquals(sum / 4, result.get(RamSpeed.AVERAGE), 1e-9);
    }

    @Test
    void refusesSettingsItCannotRun() {
        assertThrows(InvalidInputException.class, () -> new RamSpeed.Config(RamSpeed.DataType.FLOAT, 0, MIB, GIB));
        assertThrows(InvalidInputException.class, () -> new RamSpeed.Config(RamSpeed.DataType.FLOAT, 1025, MIB, GIB));
        assertThrows(InvalidInputException.class, () -> new RamSpeed.Config(RamSpeed.DataType.FLOAT, 1, 1000, GIB));
        assertThrows(InvalidInputException.class, () -> new RamSpeed.Config(RamSpeed.DataType.FLOAT, 1, MIB + 4, GIB));
        assertThrows(InvalidInputException.class, () -> new RamSpeed.Config(RamSpeed.DataType.FLOAT, 1, 64 * GIB, 64 * GIB));
        InvalidInputException tooSmallPass = assertThrows(InvalidInputException.class,
            () -> new RamSpeed.Config(RamSpeed.DataType.FLOAT, 1, 32 * MIB, MIB));
        assertTrue(tooSmallPass.getMessage().contains("pass size"), tooSmallPass.getMessage());
    }
}
