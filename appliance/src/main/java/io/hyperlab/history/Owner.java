package io.hyperlab.history;

import java.time.Instant;
import java.util.Objects;

/**
 * The process that owns a running run: its pid and start time, so that a recycled pid is not
 * taken for the owner.
 */
record Owner(long pid, String started) {

    static Owner current() {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(self.pid(), startOf(self));
    }

    boolean isAlive() {
        return ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(process -> started == null || Objects.equals(started, startOf(process)))
            .isPresent();
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse(null);
    }
}
