package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event loop's timers: on time, never early, and a ready channel is not kept waiting by a precise one. */
class LoopTest {
    @Test
    void aPreciseTimerUnderAMillisecondFiresAfterItsDelayNotBefore() throws Exception {
        try (Loop loop = new Loop()) {
            List<Long> fired = new ArrayList<>();
            long start = System.nanoTime();
            loop.schedulePreciseAt(start + 300_000, 0, () -> fired.add(System.nanoTime() - start));
            long deadline = start + 5_000_000_000L;
            while (fired.isEmpty() && System.nanoTime() < deadline) {
                loop.runOnce(1_000_000_000L);
            }
            assertEquals(1, fired.size(), "the timer fired once");
            assertTrue(fired.get(0) >= 300_000, "not before its delay: " + fired.get(0) + " ns");
        }
    }

    @Test
    void aPeriodicPreciseTimerKeepsItsPeriodWithoutDrifting() throws Exception {
        try (Loop loop = new Loop()) {
            List<Long> fired = new ArrayList<>();
            long start = System.nanoTime();
            loop.schedulePreciseAt(start + 1_000_000, 1_000_000, () -> fired.add(System.nanoTime()));
            while (System.nanoTime() - start < 200_000_000L) {
                loop.runOnce(1_000_000_000L);
            }
            // Each firing is one period after the one before, catching up if the thread was late:
            // never two periods' firings at once, and never early.
            for (int i = 1; i < fired.size(); i++) {
                assertTrue(fired.get(i) - start >= (i + 1) * 1_000_000L, "firing " + i + " early");
            }
            assertTrue(fired.size() > 20, "a 1 ms timer fired only " + fired.size() + " times in 200 ms");
        }
    }

    @Test
    void aPreciseTimerDueWithACoarseOneIsWaitedForToTheMicrosecond() throws Exception {
        try (Loop loop = new Loop()) {
            long now = System.nanoTime();
            loop.scheduleAt(now + 2_000_400_000L, 1_000_000_000L, () -> { });
            loop.schedulePreciseAt(now + 2_000_400_000L, 0, () -> { });
            assertEquals(new Loop.Wait(2_000_400_000L, true), loop.nextWait(10_000_000_000L, now),
                "the test's end, due with the interval tick, is not put off to the tick's next millisecond");
            loop.schedulePreciseAt(now + 3_000_000_000L, 0, () -> { });
            loop.scheduleAt(now + 400_000L, 0, () -> { });
            assertEquals(new Loop.Wait(1_000_000L, false), loop.nextWait(10_000_000_000L, now),
                "a coarse timer wakes the loop on a whole millisecond");
            assertEquals(new Loop.Wait(300_000L, false), loop.nextWait(300_000L, now), "at most the wait asked for");
        }
    }

    @Test
    void aReadyChannelIsServedAtOnceWhileAPreciseTimerIsPending() throws Exception {
        try (Loop loop = new Loop()) {
            Pipe pipe = Pipe.open();
            List<String> events = new ArrayList<>();
            loop.register(pipe.source(), SelectionKey.OP_READ, key -> {
                pipe.source().read(ByteBuffer.allocate(16));
                events.add("read");
            });
            loop.schedulePreciseAt(System.nanoTime() + 500_000_000L, 0, () -> events.add("timer"));
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            loop.runOnce(1_000_000_000L);
            assertEquals(List.of("read"), events, "the data is read before the timer's time");
            pipe.sink().close();
        }
    }
}
