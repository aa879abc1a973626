package io.hyperlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.cpu.SciMarkSize;
import io.hyperlab.bench.env.MemInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestTest {
    private static final BenchSettings SETTINGS = BenchSettings.defaults();

    @Test
    void aSuiteWithoutChosenTestsRunsAllOfThem() {
        RunRequest request = new RunRequest(Suite.THESIS, List.of(), "KVM VM", TrialPolicy.of(3), SETTINGS);
        assertEquals(List.of("scimark2", "ramspeed-integer", "ramspeed-float"), request.tests());
        assertEquals(List.of("ramspeed-integer", "ramspeed-float"),
            new RunRequest(Suite.MEMORY, null, "x", TrialPolicy.of(3), SETTINGS).tests());
    }

    @Test
    void labelIsTrimmed() {
        assertEquals("XenServer VM", new RunRequest(Suite.CPU, List.of(), "  XenServer VM ", TrialPolicy.of(3), SETTINGS).label());
    }

    @Test
    void refusesUnknownSuitesAndTests() {
        InvalidInputException suite = assertThrows(InvalidInputException.class, () -> Suite.parse("gpu"));
        assertEquals("unknown suite 'gpu': choose cpu, memory, network, thesis", suite.getMessage());
        InvalidInputException test = assertThrows(InvalidInputException.class,
            () -> new RunRequest(Suite.CPU, List.of("linpack"), "x", TrialPolicy.of(3), SETTINGS));
        assertEquals("unknown test 'linpack': choose scimark2, ramspeed-integer, ramspeed-float, iperf-tcp, iperf-udp, "
            + "iperf-tcp-reverse, iperf-udp-reverse", test.getMessage());
    }

    @Test
    void refusesATestOutsideTheSuiteOrNamedTwice() {
        InvalidInputException outside = assertThrows(InvalidInputException.class,
            () -> new RunRequest(Suite.CPU, List.of("ramspeed-float"), "x", TrialPolicy.of(3), SETTINGS));
        assertEquals("test 'ramspeed-float' is not in suite cpu: its tests are scimark2", outside.getMessage());
        assertThrows(InvalidInputException.class,
            () -> new RunRequest(Suite.MEMORY, List.of("ramspeed-float", "ramspeed-float"), "x", TrialPolicy.of(3), SETTINGS));
    }

    @Test
    void refusesLabelsThatCannotNameAMachine() {
        assertThrows(InvalidInputException.class, () -> new RunRequest(Suite.CPU, List.of(), "  ", TrialPolicy.of(3), SETTINGS));
        assertThrows(InvalidInputException.class, () -> new RunRequest(Suite.CPU, List.of(), null, TrialPolicy.of(3), SETTINGS));
        assertThrows(InvalidInputException.class,
            () -> new RunRequest(Suite.CPU, List.of(), "x".repeat(101), TrialPolicy.of(3), SETTINGS));
        assertThrows(InvalidInputException.class,
            () -> new RunRequest(Suite.CPU, List.of(), "KVM\nVM", TrialPolicy.of(3), SETTINGS));
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThrows(InvalidInputException.class, () -> new BenchSettings(SciMarkSize.LARGE, 0, 2, 1 << 25, 1L << 33));
        assertThrows(InvalidInputException.class, () -> new BenchSettings(SciMarkSize.LARGE, 601, 2, 1 << 25, 1L << 33));
        assertThrows(InvalidInputException.class, () -> new BenchSettings(SciMarkSize.LARGE, 2, 0, 1 << 25, 1L << 33));
        assertThrows(InvalidInputException.class, () -> new BenchSettings(SciMarkSize.LARGE, 2, 2, 12345, 1L << 33));
        InvalidInputException size = assertThrows(InvalidInputException.class, () -> SciMarkSize.parse("huge"));
        assertEquals("unknown SciMark size 'huge': choose normal or large", size.getMessage());
    }

    @Test
    void refusesArraysThatDoNotFitInTheMemoryAvailable() {
        BenchSettings big = new BenchSettings(SciMarkSize.LARGE, 2, 4, 1L << 30, 1L << 33);
        MemInfo eightGiB = new MemInfo(16L << 30, 8L << 30);
        InvalidInputException failure = assertThrows(InvalidInputException.class,
            () -> Benchmarks.get("ramspeed-integer").validate(big, eightGiB));
        assertTrue(failure.getMessage().startsWith("ramspeed-integer needs 12.1 GiB of memory"), failure.getMessage());
        assertTrue(failure.getMessage().contains("8.0 GiB available"), failure.getMessage());
        Benchmarks.get("ramspeed-integer").validate(SETTINGS, eightGiB);
        Benchmarks.get("scimark2").validate(big, eightGiB);
    }
}
