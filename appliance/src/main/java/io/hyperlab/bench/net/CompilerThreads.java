package io.hyperlab.bench.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the JIT compilers of a process that exists to run network tests (the CLI's iperf3, a
 * benchmark's trial process) off the CPUs the tests need. Their threads get Linux's SCHED_IDLE
 * policy, under which any other waking thread preempts them at once: they compile on CPU time
 * nothing else wants. Without it, a C2 compile held the CPU on which a stock iperf3 receiver woke
 * for 2.4 ms (seen with perf sched on 2 cores); at 1 Gbit/s its socket buffer (208 KiB) fills in
 * under 2 ms, and the datagrams behind were lost. An unprivileged process cannot leave SCHED_IDLE
 * again, so this is for whole processes that measure, never for the daemon.
 */
public final class CompilerThreads {
    private static final int SCHED_IDLE = 5;
    private static final Path TASKS = Path.of("/proc/self/task");

    private interface LibC extends Library {
        int sched_setscheduler(int pid, int policy, int[] param);
    }

    private static final LibC LIBC = load();
    private static volatile boolean enabled;
    private static final Set<String> idled = new HashSet<>();

    private CompilerThreads() {
    }

    /** From now on, every test this process runs first gives its compiler threads the idle policy. */
    public static void idleDuringTests() {
        enabled = true;
        idleNew();
    }

    /**
     * Gives compiler threads that started since the last call the idle policy, if this process
     * asked for it (the JVM starts more as its queue grows, on machines with more CPUs). Called
     * when a test is set up, before its clock runs. Returns how many threads it changed.
     */
    static synchronized int idleNew() {
        if (!enabled || LIBC == null) {
            return 0;
        }
        int changed = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String tid = task.getFileName().toString();
                if (!idled.contains(tid) && isCompiler(task)
                    && LIBC.sched_setscheduler(Integer.parseInt(tid), SCHED_IDLE, new int[] {0}) == 0) {
                    idled.add(tid);
                    changed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc or no such call: the compilers keep their policy, and the tests run all the same.
        }
        return changed;
    }

    /** HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1", ... (cut to 15 characters in comm). */
    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"));
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }

    private static LibC load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
