package io.hyperlab.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Ctrl-C for a command whose work must wind down before the JVM goes (store a cancelled run,
 * print a summary): Ctrl-C starts the JVM's shutdown, whose hook asks the work to stop and then
 * holds the shutdown until the work has returned, or for at most {@code patience}.
 */
final class CtrlC {
    private CtrlC() {
    }

    static <T> T stoppable(String name, Runnable stop, Duration patience, Supplier<T> work) {
        CountDownLatch returned = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.run();
            try {
                returned.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.get();
        } finally {
            returned.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came: the hook returns now that the work has.
            }
        }
    }
}
