package io.hyperlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import io.hyperlab.stats.Summary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialPolicyTest {

    @Test
    void capFollowsPhoronixByTrialLength() {
        TrialPolicy policy = TrialPolicy.of(3);
        assertEquals(12, policy.cap(Duration.ofSeconds(30)));
        assertEquals(12, policy.cap(Duration.ofSeconds(119)));
        assertEquals(9, policy.cap(Duration.ofMinutes(2)));
        assertEquals(9, policy.cap(Duration.ofSeconds(239)));
        assertEquals(6, policy.cap(Duration.ofMinutes(4)));
        assertEquals(6, policy.cap(Duration.ofHours(1)));
    }

    @Test
    void anExplicitCapWins() {
        assertEquals(5, new TrialPolicy(3, 5, 3.5).cap(Duration.ofSeconds(1)));
        assertEquals(3, new TrialPolicy(3, 3, 3.5).cap(Duration.ofSeconds(1)));
    }

    @Test
    void asksForMoreWhenAMetricSpreadsAtOrAboveTheThreshold() {
        Map<String, Summary> byMetric = new LinkedHashMap<>();
        byMetric.put("Copy", Summary.of(100, 100.5, 99.5));
        byMetric.put("Triad", Summary.of(90, 100, 110));
        Optional<String> reason = TrialPolicy.of(3).reasonForMore(byMetric);
        assertTrue(reason.isPresent());
        assertTrue(reason.get().startsWith("Triad varies by 10.00% SD"), reason.get());
    }

    @Test
    void isContentWhenEveryMetricIsBelowTheThreshold() {
        Map<String, Summary> byMetric = Map.of("Copy", Summary.of(100, 101, 99));
        assertEquals(Optional.empty(), TrialPolicy.of(3).reasonForMore(byMetric));
        assertEquals(Optional.empty(), TrialPolicy.of(1).reasonForMore(Map.of("Copy", Summary.of(5))));
    }

    @Test
    void refusesPoliciesThatMakeNoSense() {
        assertThrows(InvalidInputException.class, () -> TrialPolicy.of(0));
        assertThrows(InvalidInputException.class, () -> TrialPolicy.of(-3));
        assertThrows(InvalidInputException.class, () -> TrialPolicy.of(1001));
        assertThrows(InvalidInputException.class, () -> new TrialPolicy(3, 2, 3.5));
        assertThrows(InvalidInputException.class, () -> new TrialPolicy(3, null, 0));
        assertThrows(InvalidInputException.class, () -> new TrialPolicy(3, null, Double.NaN));
    }
}
