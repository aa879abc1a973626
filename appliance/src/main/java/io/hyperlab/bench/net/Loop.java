package io.hyperlab.bench.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread's event loop, as iperf3's select() loop: every socket of a test (control, streams,
 * listeners) is a channel on one {@link Selector}, and every timer (test end, intervals, omit,
 * UDP pacing) is a deadline in one queue, so nothing needs a thread of its own.
 */
final class Loop implements Closeable {
    /** What a ready channel does; an exception from it goes to the owner of the loop. */
    interface Handler {
        void ready(SelectionKey key) throws IOException;
    }

    /** A scheduled task; cancel it to stop it. */
    static final class Timer implements Comparable<Timer> {
        private final Runnable task;
        private final long periodNanos;
        private final boolean precise;
        private long deadline;
        private boolean cancelled;

        private Timer(Runnable task, long deadline, long periodNanos, boolean precise) {
            this.task = task;
            this.deadline = deadline;
            this.periodNanos = periodNanos;
            this.precise = precise;
        }

        void cancel() {
            cancelled = true;
        }

        /** Starts the period again from now (iperf3's tmr_reset, when omit ends). */
        void restart(long now) {
            deadline = now + periodNanos;
        }

        @Override
        public int compareTo(Timer other) {
            return Long.compare(deadline, other.deadline);
        }
    }

    private final Selector selector;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    Loop() throws IOException {
        selector = Selector.open();
    }

    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        channel.configureBlocking(false);
        try {
            return channel.register(selector, ops, handler);
        } catch (ClosedChannelException e) {
            throw new IOException("the connection closed before it could be used", e);
        }
    }

    /** Runs {@code task} once after {@code delayNanos}, then every {@code periodNanos} if that is above 0. */
    Timer schedule(long delayNanos, long periodNanos, Runnable task) {
        return scheduleAt(System.nanoTime() + delayNanos, periodNanos, task);
    }

    /** As {@link #schedule}, first at {@code deadline} (a {@link System#nanoTime()} reading). */
    Timer scheduleAt(long deadline, long periodNanos, Runnable task) {
        return add(new Timer(task, deadline, periodNanos, false));
    }

    /**
     * As {@link #scheduleAt}, for a timer that must fire on time to the microsecond, as iperf3's
     * select() timeout does: UDP pacing, the end of a timed test. A selector waits in whole
     * milliseconds, rounded up, which would let a 1 ms pacing period slip to 2 and the sender catch
     * up in bursts; so the part of a wait under a millisecond is spent parked when no channel is
     * ready, not polling.
     */
    Timer schedulePreciseAt(long deadline, long periodNanos, Runnable task) {
        return add(new Timer(task, deadline, periodNanos, true));
    }

    private Timer add(Timer timer) {
        timers.add(timer);
        return timer;
    }

    /** How long {@link #runOnce} waits, and whether to the microsecond (because a precise timer ends the wait). */
    record Wait(long nanos, boolean exact) {
    }

    /**
     * The wait from {@code now}: until the first timer, at most {@code maxWaitNanos}. A coarse timer
     * wakes the loop on a whole millisecond, rounded up; every timer is looked at, not only the
     * first, so that a coarse one due with a precise one (the interval tick and a test's end, both
     * on the second) does not round the precise one's wait up by a millisecond.
     */
    Wait nextWait(long maxWaitNanos, long now) {
        long wait = maxWaitNanos;
        boolean exact = false;
        for (Timer timer : timers) {
            if (timer.cancelled) {
                continue;
            }
            long until = timer.deadline - now;
            long wake = timer.precise || until <= 0 ? until : (until + 999_999) / 1_000_000 * 1_000_000;
            if (wake < wait || wake == wait && timer.precise) {
                wait = wake;
                exact = timer.precise;
            }
        }
        return new Wait(wait, exact);
    }

    /** Waits at most {@code maxWaitNanos} (less if a timer is due), then runs what is ready and what is due. */
    void runOnce(long maxWaitNanos) throws IOException {
        Wait next = nextWait(maxWaitNanos, System.nanoTime());
        long wait = next.nanos();
        int ready;
        if (wait <= 0) {
            ready = selector.selectNow();
        } else if (!next.exact()) {
            ready = selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
        } else if (wait >= 1_000_000) {
            // Whole milliseconds only, rounded down: the next call parks for the rest.
            ready = selector.select(wait / 1_000_000);
        } else {
            ready = selector.selectNow();
            if (ready == 0) {
                LockSupport.parkNanos(wait);
                ready = selector.selectNow();
            }
        }
        if (ready > 0) {
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (key.isValid()) {
                    ((Handler) key.attachment()).ready(key);
                }
            }
        }
        runDueTimers();
    }

    /** Makes a waiting {@link #runOnce} return now; safe from any thread. */
    void wakeup() {
        selector.wakeup();
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().deadline <= now) {
            Timer timer = timers.poll();
            if (timer.cancelled) {
                continue;
            }
            if (timer.periodNanos > 0) {
                timer.deadline += timer.periodNanos;
                if (timer.deadline < now) {
                    timer.deadline = now + timer.periodNanos;
                }
                timers.add(timer);
            }
            timer.task.run();
        }
        timers.removeIf(t -> t.cancelled);
    }

    /** Drops every timer, for the end of a test. */
    void cancelTimers() {
        timers.clear();
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
