package io.hyperlab.console;

import com.googlecode.lanterna.gui2.AbstractTextGUIThread;
import com.googlecode.lanterna.gui2.AsynchronousTextGUIThread;
import com.googlecode.lanterna.gui2.TextGUI;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The console's GUI thread: reads keys, runs what other threads hand it, and redraws. Written
 * here rather than taking Lanterna's SeparateTextGUIThread, which marks itself started only
 * after its thread runs, so on a busy machine its loop could see "not started" and end before
 * drawing anything. It also ends the console when the terminal goes away (an SSH session
 * closed), and polls the keyboard every few milliseconds rather than every one.
 */
final class GuiThread extends AbstractTextGUIThread implements AsynchronousTextGUIThread {
    private static final long IDLE_MS = 5;

    private final Thread thread;
    private final Runnable ended;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.CREATED;

    GuiThread(TextGUI gui, Runnable ended) {
        super(gui);
        this.ended = ended;
        this.thread = new Thread(this::loop, "hyperlab-console-gui");
        thread.setDaemon(true);
    }

    @Override
    public void start() {
        state = State.STARTED;
        thread.start();
    }

    @Override
    public void stop() {
        if (state == State.STARTED) {
            state = State.STOPPING;
        }
    }

    @Override
    public void waitForStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void waitForStop(long time, TimeUnit unit) throws InterruptedException {
        stopped.await(time, unit);
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public Thread getThread() {
        return thread;
    }

    private void loop() {
        try {
            textGUI.updateScreen();
            while (state == State.STARTED) {
                if (!processEventsAndUpdate()) {
                    Thread.sleep(IDLE_MS);
                }
            }
        } catch (EOFException e) {
            // The terminal has gone (the SSH session closed): the console ends.
        } catch (IOException e) {
            exceptionHandler.onIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state = State.STOPPED;
            stopped.countDown();
            ended.run();
        }
    }
}
