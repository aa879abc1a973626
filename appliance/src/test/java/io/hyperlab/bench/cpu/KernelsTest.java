package io.hyperlab.bench.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.BenchmarkFailure;
import org.junit.jupiter.api.Test;

/**
 * The kernels compute what NIST's C SciMark 2.0 computes for the same inputs (values printed by
 * the reference with %.17g), count flops with its formulas, and their checks catch wrong results.
 */
class KernelsTest {

    @Test
    void monteCarloEstimatesMatchTheReferenceForFixedSampleCounts() {
        assertEquals(3.1600000000000001, MonteCarlo.integrate(1000));
        assertEquals(3.139796, MonteCarlo.integrate(1_000_000));
    }

    @Test
    void fftOfSixteenPointsMatchesTheReference() {
        double[] expected = {
            7.7183974463112639, 6.7484480537234095, 0.070839606307457115, -0.59542080562094102,
            1.970765467601709, -0.0032546594034024157, -1.0209026783437347, 0.69493850125751777,
            -1.1762659261823938, 0.075885221397450575, 2.352459767362721, -1.5512550110841383,
            1.8752177117452287, -1.1815201069101309, -0.84382883097631811, 0.58893179710614307,
            0.25718350673894541, -0.99918557004965169, -1.1085961656868331, 0.75716320530505798,
            -1.0911402464090467, 0.31755338803069422, -1.305080472623964, 1.826634172528478,
            -0.28811687570443295, 1.7958150411936527, -0.94629104470320213, 1.0339658238532854,
            -0.39879879212772362, 1.0019674753738408, -0.70168848960299679, 0.64528938172572914};
        double[] data = new LaggedRandom(SciMark.SEED).vector(32);
        Fft.transform(data);
        // Java's sine may differ from C's libm in the last bit; the butterflies are otherwise the same.
        assertArrayEquals(expected, data, 1e-14);
    }

    @Test
    void fftRoundTripGivesTheInputBack() {
        double[] data = new LaggedRandom(SciMark.SEED).vector(2 * 4096);
        double[] original = data.clone();
        for (int i = 0; i < 8; i++) {
            Fft.transform(data);
            Fft.inverse(data);
        }
        Fft.checkRoundTrip(original, data);
        assertArrayEquals(original, data, 1e-12);
    }

    @Test
    void fftCheckCatchesAWrongButterfly() {
        double[] data = new LaggedRandom(SciMark.SEED).vector(2 * 1024);
        double[] original = data.clone();
        Fft.transform(data);
        data[37] += 0.5;
        Fft.inverse(data);
        BenchmarkFailure failure = assertThrows(BenchmarkFailure.class, () -> Fft.checkRoundTrip(original, data));
        assertTrue(failure.getMessage().contains("FFT round trip"), failure.getMessage());
    }

    @Test
    void fftCheckCatchesAnInverseThatIsNotOne() {
        double[] data = new LaggedRandom(SciMark.SEED).vector(2 * 1024);
        double[] original = data.clone();
        Fft.transform(data);
        Fft.transform(data);
        assertThrows(BenchmarkFailure.class, () -> Fft.checkRoundTrip(original, data));
    }

    @Test
    void fftRefusesASizeThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> Fft.transform(new double[2 * 12]));
    }

    @Test
    void fftFlopsFollowSciMarksFormula() {
        assertEquals((5.0 * 1024 - 2) * 10 + 2 * 1025, Fft.flops(1024));
        assertEquals(53_230, Fft.flops(1024));
        assertEquals(106_954_714, Fft.flops(1_048_576));
    }

    @Test
    void sorMatchesTheReferenceAfterThreeSweeps() {
        double[] expected = {0.73811108793044045, 0.56556279227710737, 0.59691467664202214, 0.51009904048410082,
            0.4123646468487604, 0.45028537795430312, 0.51713999199982352, 0.48833688207797699,
            0.5158101977390076, 0.50161652662866585};
        double[][] grid = new LaggedRandom(SciMark.SEED).matrix(10, 10);
        Sor.execute(Sor.OMEGA, grid, 3);
        assertArrayEquals(expected, grid[4]);
    }

    @Test
    void sorFlopsAreSixPerInteriorPointPerSweep() {
        assertEquals(6.0 * 99 * 99, Sor.flops(100, 100, 1));
        assertEquals(6.0 * 999 * 999 * 16, Sor.flops(1000, 1000, 16));
    }

    @Test
    void sparseMatrixHasTheReferencePattern() {
        int[] expectedColumns = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 2, 4, 0, 2, 4, 0, 2, 4, 0, 3, 6};
        LaggedRandom random = new LaggedRandom(SciMark.SEED);
        random.vector(10);
        SparseMatmult matrix = SparseMatmult.create(10, 30, random);
        assertArrayEquals(expectedColumns, matrix.columns);
        assertArrayEquals(new int[] {0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30}, matrix.rowStart);
    }

    @Test
    void sparseProductMatchesTheReference() {
        double[] expected = {0.80174115443139971, 1.0619987891625768, 0.90265099666273185, 1.0517444261200946,
            0.66344793495656973, 0.53618434999954623, 0.61226875501583211, 0.73490728275064976,
            0.820193872144936, 1.2335852136161971};
        LaggedRandom random = new LaggedRandom(SciMark.SEED);
        double[] x = random.vector(10);
        SparseMatmult matrix = SparseMatmult.create(10, 30, random);
        double[] y = new double[10];
        matrix.multiply(y, x, 2);
        assertArrayEquals(expected, y);
    }

    @Test
    void sparseFlopsCountTheEntriesActuallyStored() {
        assertEquals(10_000, SparseMatmult.flops(1000, 5000, 1));
        assertEquals(2_000_000.0 * 8, SparseMatmult.flops(100_000, 1_000_000, 8));
        // 5999 / 1000 = 5 entries a row: 5000 stored, not 5999.
        assertEquals(10_000, SparseMatmult.flops(1000, 5999, 1));
    }

    @Test
    void luPivotsAndFactorsMatchTheReference() {
        double[] expectedRow5 = {0.00432720187647618, 0.49563379925112377, 0.44215155357862029, -0.79055284685125904,
            0.073830564756709419, 0.78795359545002519};
        double[][] a = new LaggedRandom(SciMark.SEED).matrix(6, 6);
        int[] pivot = new int[6];
        LuFactorization.factor(a, pivot);
        assertArrayEquals(new int[] {1, 1, 2, 5, 5, 5}, pivot);
        assertArrayEquals(expectedRow5, a[5]);
    }

    @Test
    void luFlopsAreTwoThirdsOfNCubed() {
        assertEquals(2.0 * 100 * 100 * 100 / 3.0, LuFactorization.flops(100));
        assertEquals(2.0e9 / 3.0, LuFactorization.flops(1000));
    }

    @Test
    void luCheckAcceptsARealFactorisation() {
        LaggedRandom random = new LaggedRandom(SciMark.SEED);
        double[][] a = random.matrix(100, 100);
        double[][] lu = copy(a);
        int[] pivot = new int[100];
        LuFactorization.factor(lu, pivot);
        LuFactorization.checkSolves(a, lu, pivot, random.vector(100));
    }

    @Test
    void luCheckCatchesACorruptedFactorisation() {
        LaggedRandom random = new LaggedRandom(SciMark.SEED);
        double[][] a = random.matrix(100, 100);
        double[][] lu = copy(a);
        int[] pivot = new int[100];
        LuFactorization.factor(lu, pivot);
        lu[40][12] += 1e-7;
        BenchmarkFailure failure = assertThrows(BenchmarkFailure.class,
            () -> LuFactorization.checkSolves(a, lu, pivot, random.vector(100)));
        assertTrue(failure.getMessage().contains("residual"), failure.getMessage());
    }

    @Test
    void luRefusesASingularMatrix() {
        double[][] singular = {{1, 2}, {2, 4}};
        assertThrows(BenchmarkFailure.class, () -> LuFactorization.factor(singular, new int[2]));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
