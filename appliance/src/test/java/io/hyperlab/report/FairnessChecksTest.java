package io.hyperlab.report;

import static io.hyperlab.report.ComparisonTest.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.report.Comparison.Flag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flags that say a comparison is unfair, and their absence when it is fair. */
class FairnessChecksTest {
    static final SideEnvironment EPYC = new SideEnvironment("KVM", "HVM", "AMD EPYC 7B13", 2, 8L << 30);
    static final MetricValues COMPOSITE = values("scimark2", "Composite", "MFLOPS", true, 100, 101);

    static SideData side(String name, List<SideEnvironment> envs, Map<String, Map<String, String>> settings, MetricValues... results) {
        return new SideData(name, "label", name, List.of(), envs, settings, List.of(results));
    }

    static List<Flag> flags(SideData... sides) {
        return Comparisons.compare(List.of(sides), 0.05).flags();
    }

    static Flag only(List<Flag> flags, String kind) {
        List<Flag> ofKind = flags.stream().filter(f -> f.kind().equals(kind)).toList();
        assertEquals(1, ofKind.size(), flags.toString());
        return ofKind.get(0);
    }

    @Test
    void sameMachineAndSettingsRaiseNoFlag() {
        Map<String, Map<String, String>> large = Map.of("scimark2", Map.of("scimarkSize", "large"));
        SideEnvironment slightlyLess = new SideEnvironment("Xen", "PV", "AMD EPYC 7B13", 2, (8L << 30) - (300L << 20));
        assertEquals(List.of(), flags(side("A", List.of(EPYC), large, COMPOSITE), side("B", List.of(slightlyLess), large, COMPOSITE)));
    }

    @Test
    void differentCpuModelsVcpusAndMemoryAreFlaggedNamingEachSide() {
        SideEnvironment xeon = new SideEnvironment("Xen", "PV", "Intel Xeon E5-2407", 1, 4L << 30);
        List<Flag> flags = flags(side("A", List.of(EPYC), Map.of(), COMPOSITE), side("B", List.of(xeon), Map.of(), COMPOSITE));
        assertTrue(only(flags, "cpu-model").message().contains("A: AMD EPYC 7B13; B: Intel Xeon E5-2407"), flags.toString());
        assertTrue(only(flags, "vcpus").message().contains("A: 2; B: 1"), flags.toString());
        assertTrue(only(flags, "memory").message().contains("A: 8.0 GiB; B: 4.0 GiB"), flags.toString());
    }

    @Test
    void aFactOneSideDoesNotKnowIsNotAMismatch() {
        SideEnvironment unknownVcpus = new SideEnvironment("Xen", "PV", "AMD EPYC 7B13", null, null);
        assertEquals(List.of(), flags(side("A", List.of(EPYC), Map.of(), COMPOSITE), side("B", List.of(unknownVcpus), Map.of(), COMPOSITE)));
    }

    @Test
    void aSidePoolingRunsFromDifferentMachinesIsFlagged() {
        SideEnvironment other = new SideEnvironment("KVM", "HVM", "Intel Core i5-8265U", 2, 8L << 30);
        List<Flag> flags = flags(side("A", List.of(EPYC, other), Map.of(), COMPOSITE), side("B", List.of(EPYC), Map.of(), COMPOSITE));
        assertTrue(flags.stream().anyMatch(f -> f.message().startsWith("A pools runs with different CPU models")), flags.toString());
    }

    @Test
    void differentSettingsOfATestBothSidesRanAreFlagged() {
        List<Flag> flags = flags(
            side("A", List.of(EPYC), Map.of("scimark2", Map.of("scimarkSize", "normal")), COMPOSITE),
            side("B", List.of(EPYC), Map.of("scimark2", Map.of("scimarkSize", "large")), COMPOSITE));
        assertTrue(only(flags, "settings").message().contains("scimark2 ran with different scimarkSize (A: normal; B: large)"));
        assertEquals(List.of(), flags(
            side("A", List.of(EPYC), Map.of("scimark2", Map.of("scimarkSize", "normal")), COMPOSITE),
            side("B", List.of(EPYC), Map.of("ramspeed-float", Map.of("threads", "4")), COMPOSITE)));
    }

    @Test
    void theStudysWifiCeilingIsFlaggedAsASlowLink() {
        Comparison study = Comparisons.compare(ReferenceDataset.get("thesis-2021").sides(null), 0.05);
        List<Flag> slow = study.flags().stream().filter(f -> f.kind().equals("slow-link")).toList();
        assertEquals(2, slow.size(), study.flags().toString());
        assertTrue(slow.get(0).message().startsWith("iperf-tcp Bandwidth is under 100 Mbit/s on every side"), slow.toString());
        assertTrue(slow.get(0).message().contains("32.3 to 34.8 Mbit/s"), slow.toString());
    }

    @Test
    void fastOrClearlyDifferentBandwidthsAreNotASlowLink() {
        SideData fast = side("A", List.of(EPYC), Map.of(), values("iperf-tcp", "Bandwidth", "Mbit/s", true, 940, 941));
        SideData fast2 = side("B", List.of(EPYC), Map.of(), values("iperf-tcp", "Bandwidth", "Mbit/s", true, 930, 935));
        assertEquals(List.of(), flags(fast, fast2));
        SideData slow = side("A", List.of(EPYC), Map.of(), values("iperf-tcp", "Bandwidth", "Mbit/s", true, 20, 21));
        SideData slower = side("B", List.of(EPYC), Map.of(), values("iperf-tcp", "Bandwidth", "Mbit/s", true, 60, 61));
        assertEquals(List.of(), flags(slow, slower));
    }

    @Test
    void valuesInDifferentUnitsAreFlaggedAndNotCompared() {
        SideData mb = side("A", List.of(EPYC), Map.of(), values("mbw", "Copy", "MB/s", true, 1, 2));
        SideData mib = side("B", List.of(EPYC), Map.of(), values("mbw", "Copy", "MiB/s", true, 1, 2));
        Comparison comparison = Comparisons.compare(List.of(mb, mib), 0.05);
        assertTrue(only(comparison.flags(), "unit").message().contains("in MB/s (higher is better) on A but in MiB/s"));
        assertTrue(comparison.rows().get(0).differences().isEmpty());
    }
}
