package io.hyperlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import io.hyperlab.report.Comparison.Difference;
import io.hyperlab.report.Comparison.Row;
import io.hyperlab.report.Comparison.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comparisons of resolved sides: the study's own tables, direction, noise, single values, grouping. */
class ComparisonTest {
    static final SideEnvironment HOST = new SideEnvironment("KVM", "HVM", "AMD EPYC 7B13", 2, 8L << 30);

    static SideData side(String name, SideEnvironment env, MetricValues... results) {
        return new SideData(name, "label", name, List.of(), List.of(env), Map.of(), List.of(results));
    }

    static MetricValues values(String test, String metric, String unit, boolean higherIsBetter, double... values) {
        return new MetricValues(test, metric, unit, higherIsBetter, java.util.Arrays.stream(values).boxed().toList());
    }

    static Difference difference(Comparison comparison, String test, String metric) {
        return row(comparison, test, metric).differences().get(0);
    }

    static Row row(Comparison comparison, String test, String metric) {
        return comparison.rows().stream().filter(r -> r.test().equals(test) && r.metric().equals(metric)).findFirst().orElseThrow();
    }

    /**
     * The study's tables 1 to 4 compared with HyperLab: KVM VM against the XenServer VM baseline.
     * Expected percentages are (KVM − XenServer) / XenServer of the published values, worked out
     * by hand from the thesis's tables.
     */
    @Test
    void theStudysTwoSidesGiveThePublishedDifferences() {
        Comparison study = Comparisons.compare(ReferenceDataset.get("thesis-2021").sides(null), 0.05);
        assertEquals(List.of("XenServer VM (thesis-2021)", "KVM VM (thesis-2021)"),
            study.sides().stream().map(Comparison.SideInfo::name).toList());
        assertEquals(-1.92, difference(study, "scimark2", "Composite").percent(), 0.005);
        assertEquals(-21.61, difference(study, "scimark2", "Fast Fourier Transform").percent(), 0.005);
        assertEquals(-0.13, difference(study, "scimark2", "Jacobi Successive Over-Relaxation").percent(), 0.005);
        assertEquals(-23.29, difference(study, "ramspeed-integer", "Scale").percent(), 0.005);
        assertEquals(-19.52, difference(study, "ramspeed-float", "Average").percent(), 0.005);
        assertEquals(-7.18, difference(study, "iperf-tcp", "Bandwidth").percent(), 0.005);
        assertEquals(47.18, difference(study, "iperf-udp", "Jitter").percent(), 0.005);
        assertEquals(116.67, difference(study, "iperf-udp", "Packet loss").percent(), 0.005);
        assertEquals(22, study.rows().size());
        assertEquals(List.of(Group.CPU, Group.MEMORY_INTEGER, Group.MEMORY_FLOAT, Group.NETWORK), study.groups());
    }

    @Test
    void publishedSingleValuesAreNotTestedButStillSayWhichIsBetter() {
        Comparison study = Comparisons.compare(ReferenceDataset.get("thesis-2021").sides(null), 0.05);
        Difference composite = difference(study, "scimark2", "Composite");
        assertEquals(Verdict.UNTESTED, composite.verdict());
        assertNull(composite.p());
        assertNull(composite.percentCi95());
        assertEquals("XenServer VM (thesis-2021)", composite.better());
        Difference jitter = difference(study, "iperf-udp", "Jitter");
        assertEquals("XenServer VM (thesis-2021)", jitter.better(), "lower jitter is better: KVM's is higher");
        assertNull(row(study, "scimark2", "Composite").sides().get(0).ci95());
    }

    @Test
    void directionDecidesBetterOrWorse() {
        SideData a = side("A", HOST, values("iperf-udp", "Jitter", "ms", false, 1.00, 1.02, 0.98),
            values("scimark2", "Composite", "MFLOPS", true, 100, 101, 99));
        SideData b = side("B", HOST, values("iperf-udp", "Jitter", "ms", false, 2.00, 2.02, 1.98),
            values("scimark2", "Composite", "MFLOPS", true, 200, 201, 199));
        Comparison comparison = Comparisons.compare(List.of(a, b), 0.05);
        assertEquals(Verdict.WORSE, difference(comparison, "iperf-udp", "Jitter").verdict());
        assertEquals("A", difference(comparison, "iperf-udp", "Jitter").better());
        assertEquals(Verdict.BETTER, difference(comparison, "scimark2", "Composite").verdict());
        assertEquals(100.0, difference(comparison, "scimark2", "Composite").percent(), 1e-9);
        assertEquals(List.of(Group.CPU, Group.NETWORK), comparison.groups(), "grouped in the study's order, not the input's");
    }

    /** R's sleep data: Welch p = 0.07939, so the difference is noise at 0.05 but real at 0.10. */
    @Test
    void theSignificanceLevelDecidesWhatIsNoise() {
        SideData one = side("drug 1", HOST, values("sleep", "Extra", "h", true, 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0));
        SideData two = side("drug 2", HOST, values("sleep", "Extra", "h", true, 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4));
        Difference at5 = difference(Comparisons.compare(List.of(one, two), 0.05), "sleep", "Extra");
        assertEquals(Verdict.WITHIN_NOISE, at5.verdict());
        assertEquals(0.07939, at5.p(), 0.000005);
        assertEquals(17.776, at5.df(), 0.0005);
        assertEquals(1.8608, at5.t(), 0.00005, "t of drug 2 against the baseline drug 1");
        assertEquals(210.67, at5.percent(), 0.005);
        assertEquals(-0.2054832 / 0.75 * 100, at5.percentCi95().low(), 1e-4, "R's interval of the difference, in percent of the baseline");
        assertEquals(3.3654832 / 0.75 * 100, at5.percentCi95().high(), 1e-4);
        Difference at10 = difference(Comparisons.compare(List.of(one, two), 0.10), "sleep", "Extra");
        assertEquals(Verdict.BETTER, at10.verdict());
        assertEquals(Group.OTHER, row(Comparisons.compare(List.of(one, two), 0.10), "sleep", "Extra").group());
    }

    @Test
    void perSideStatisticsAreThoseOfThePooledValues() {
        SideData a = side("A", HOST, values("scimark2", "Composite", "MFLOPS", true, 90, 100, 110));
        SideData b = side("B", HOST, values("scimark2", "Composite", "MFLOPS", true, 100));
        Comparison.SideStats stats = row(Comparisons.compare(List.of(a, b), 0.05), "scimark2", "Composite").side("A");
        assertEquals(3, stats.n());
        assertEquals(100, stats.mean(), 1e-9);
        assertEquals(10, stats.sd(), 1e-9);
        assertEquals(10, stats.percentSd(), 1e-9);
        assertEquals(90, stats.min());
        assertEquals(110, stats.max());
        assertEquals(100 - 4.302653 * 10 / Math.sqrt(3), stats.ci95().low(), 1e-4, "t(0.975, 2) = 4.302653");
    }

    @Test
    void aMetricOnlyOneSideHasIsShownWithoutADifference() {
        SideData a = side("A", HOST, values("scimark2", "Composite", "MFLOPS", true, 1, 2));
        SideData b = side("B", HOST, values("scimark2", "Composite", "MFLOPS", true, 1, 2), values("scimark2", "FFT", "MFLOPS", true, 3, 4));
        Row fft = row(Comparisons.compare(List.of(a, b), 0.05), "scimark2", "FFT");
        assertEquals(1, fft.sides().size());
        assertTrue(fft.differences().isEmpty());
    }

    @Test
    void badRequestsAreRefusedWithWhatIsAllowed() {
        SideData a = side("A", HOST, values("scimark2", "Composite", "MFLOPS", true, 1, 2));
        assertTrue(assertThrows(InvalidInputException.class, () -> Comparisons.compare(List.of(a), 0.05))
            .getMessage().contains("at least two sides"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Comparisons.compare(List.of(a, a), 0.05))
            .getMessage().contains("\"A\" is named twice"));
        for (double alpha : new double[] {0, 1, -0.1, Double.NaN}) {
            assertTrue(assertThrows(InvalidInputException.class, () -> Comparisons.compare(List.of(a, side("B", HOST)), alpha))
                .getMessage().contains("between 0 and 1"));
        }
        assertTrue(assertThrows(InvalidInputException.class, () -> ReferenceDataset.get("thesis-2020"))
            .getMessage().contains("built-in references are thesis-2021"));
        assertTrue(assertThrows(InvalidInputException.class, () -> ReferenceDataset.get("thesis-2021").sides("vmware"))
            .getMessage().contains("choose xenserver, kvm"));
    }
}
