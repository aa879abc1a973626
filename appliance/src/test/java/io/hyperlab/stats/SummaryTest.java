package io.hyperlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void sampleStatisticsUseNMinusOne() {
        // Mean 5; squared deviations sum to 32; sample variance 32/7.
        Summary s = Summary.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(8, s.n());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7) / Math.sqrt(8), s.se(), 1e-12);
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(Math.sqrt(32.0 / 7) / 5 * 100, s.percentSd(), 1e-12);
    }

    @Test
    void studyLikeTrialsGiveThePhoronixFigures() {
        // Three SciMark composites; SD and SE as Python's statistics.stdev gives them (n - 1).
        Summary s = Summary.of(List.of(299.19, 293.45, 302.43));
        assertEquals(298.3566667, s.mean(), 1e-6);
        assertEquals(4.547629419, s.sd(), 1e-8);
        assertEquals(2.625575069, s.se(), 1e-8);
    }

    @Test
    void oneValueHasNoSpread() {
        Summary s = Summary.of(42.0);
        assertEquals(1, s.n());
        assertEquals(42.0, s.mean());
        assertEquals(0.0, s.sd());
        assertEquals(0.0, s.se());
        assertEquals(0.0, s.percentSd());
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, Summary::of);
    }
}
