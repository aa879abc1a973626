package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How numbers, sizes, durations and bars read on every screen. */
class TextTest {
    @Test
    void sizesDurationsAndNumbers() {
        assertEquals("512 B", Text.bytes(512));
        assertEquals("1.5 GiB", Text.bytes(1536L * 1024 * 1024));
        assertEquals("3d 4h 5m", Text.duration(3 * 86_400 + 4 * 3600 + 5 * 60 + 9));
        assertEquals("5m 6s", Text.duration(306));
        assertEquals("5838", Text.number(5838.4));
        assertEquals("424.3", Text.number(424.29));
        assertEquals("0.0153", Text.number(0.01531));
    }

    @Test
    void barsAreClampedAndShowThePercentage() {
        assertEquals("[#####.....]  50%", Text.bar(0.5, 10));
        assertEquals("[..........]   0%", Text.bar(-1, 10));
        assertEquals("[##########] 100%", Text.bar(7, 10));
    }

    @Test
    void wrapsAtSpacesThenAfterColonsThenAnywhere() {
        assertEquals(List.of("one two", "three"), Text.wrap("one two three", 8));
        assertEquals(List.of("AB:CD:", "EF:12"), Text.wrap("AB:CD:EF:12", 7));
        assertEquals(List.of("abcd", "efgh"), Text.wrap("abcdefgh", 4));
        assertEquals(List.of("a", "b"), Text.wrap("a\nb", 10));
    }
}
