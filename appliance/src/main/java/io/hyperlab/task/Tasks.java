package io.hyperlab.task;

import io.hyperlab.ConflictException;
import io.hyperlab.NotFoundException;
import io.hyperlab.bench.Benchmark;
import io.hyperlab.bench.Cancellation;
import io.hyperlab.bench.Metric;
import io.hyperlab.bench.RunEngine;
import io.hyperlab.bench.RunListener;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daemon's long operations. Benchmark runs wait in one queue and run one at a time on their
 * own thread (two at once would disturb each other's figures), through the {@link RunEngine},
 * whose trials run in child JVMs. Setup actions on hosts (create a VM, ...) run in one lane per
 * host: one at a time on a host, hosts side by side. A queued task can be cancelled, and so can
 * a running benchmark; a running setup action cannot be stopped midway. Changes of the appliance
 * itself (its network settings) run in a lane of their own, like a host's. Listeners hear every
 * change as a {@link TaskEvent}, on the task's thread. Finished tasks are remembered up to a
 * limit; the runs themselves are in the history, the setup actions in its action log.
 */
public final class Tasks implements AutoCloseable {
    static final int FINISHED_KEPT = 100;

    private final RunEngine engine;
    private final ExecutorService bench = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hyperlab-bench");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Entry> tasks = new LinkedHashMap<>();
    private final List<Consumer<TaskEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<TaskStatus, Long> finishedRuns = new EnumMap<>(TaskStatus.class);
    private final Map<String, ExecutorService> lanes = new LinkedHashMap<>();
    private long nextId = 1;

    public Tasks(RunEngine engine) {
        this.engine = engine;
    }

    /** The mutable state of one task; guarded by the enclosing {@code Tasks}. */
    private static final class Entry {
        final long id;
        final String kind;
        final String title;
        final String host;
        final Instant queuedAt = now();
        final Cancellation cancellation = new Cancellation();
        TaskStatus status = TaskStatus.QUEUED;
        double progress;
        Long runId;
        Instant startedAt;
        Instant finishedAt;
        String error;
        Object result;

        Entry(long id, String kind, String title, String host) {
            this.id = id;
            this.kind = kind;
            this.title = title;
            this.host = host;
        }

        TaskInfo info() {
            return new TaskInfo(id, kind, title, status, progress, runId, queuedAt, startedAt, finishedAt, error, host, result);
        }
    }

    public void addListener(Consumer<TaskEvent> listener) {
        listeners.add(listener);
    }

    /** Checks the request against this machine, then queues it; a bad request is refused with nothing queued. */
    public TaskInfo submitRun(RunRequest request) {
        engine.validate(request);
        Entry entry;
        synchronized (this) {
            entry = new Entry(nextId++, "run", request.suite().id() + " run \"" + request.label() + "\"", null);
            tasks.put(entry.id, entry);
            forgetOldFinished();
        }
        TaskInfo queued = info(entry);
        emit(TaskEvent.of(TaskEvent.Type.QUEUED, queued));
        bench.execute(() -> execute(entry, request));
        return queued;
    }

    /** A setup action on a host: queued in the host's lane; what {@code work} returns becomes the task's result. */
    public TaskInfo submitSetup(String host, String title, Callable<Object> work) {
        return submitInLane("setup", host, title, work);
    }

    /**
     * A change of the appliance itself (its network settings): queued in a lane of its own,
     * apart from every host's; what {@code work} returns becomes the task's result.
     */
    public TaskInfo submitSystem(String title, Callable<Object> work) {
        return submitInLane("system", null, title, work);
    }

    private TaskInfo submitInLane(String kind, String host, String title, Callable<Object> work) {
        Entry entry;
        ExecutorService lane;
        synchronized (this) {
            entry = new Entry(nextId++, kind, title, host);
            tasks.put(entry.id, entry);
            forgetOldFinished();
            // A host's name never starts with a space, so the appliance's lane cannot be a host's.
            lane = lanes.computeIfAbsent(host == null ? " " + kind : host, name -> Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "hyperlab-" + kind + "-" + name.strip());
                thread.setDaemon(true);
                return thread;
            }));
        }
        TaskInfo queued = info(entry);
        emit(TaskEvent.of(TaskEvent.Type.QUEUED, queued));
        lane.execute(() -> executeSetup(entry, work));
        return queued;
    }

    public synchronized List<TaskInfo> list() {
        List<TaskInfo> list = new ArrayList<>();
        tasks.values().forEach(entry -> list.add(entry.info()));
        return list;
    }

    public synchronized TaskInfo get(long id) {
        return entry(id).info();
    }

    /** The task that ran or runs this history run, while the daemon remembers it. */
    public synchronized Optional<TaskInfo> byRun(long runId) {
        return tasks.values().stream().filter(e -> Long.valueOf(runId).equals(e.runId)).map(Entry::info).findFirst();
    }

    /** Stops a queued task before it starts, or a running one at once (its run keeps the trials it completed). */
    public TaskInfo cancel(long id) {
        Entry entry;
        boolean wasQueued;
        synchronized (this) {
            entry = entry(id);
            if (entry.status.isFinal()) {
                throw new ConflictException("task " + id + " has already " + entry.status.id() + "; only a queued or running task can be cancelled");
            }
            wasQueued = entry.status == TaskStatus.QUEUED;
            if (!wasQueued && !entry.kind.equals("run")) {
                throw new ConflictException("task " + id + " (" + entry.title + ") is already at work and cannot be stopped"
                    + " midway; wait for it to finish");
            }
            if (wasQueued) {
                finish(entry, TaskStatus.CANCELLED, "cancelled by the user before it started");
            }
        }
        entry.cancellation.cancel();
        if (wasQueued) {
            emit(TaskEvent.of(TaskEvent.Type.CANCELLED, info(entry)));
        }
        return info(entry);
    }

    /** Benchmark runs waiting for their turn (not counting the one running, nor setup actions). */
    public synchronized int queueLength() {
        return (int) tasks.values().stream().filter(e -> e.status == TaskStatus.QUEUED && e.kind.equals("run")).count();
    }

    /** How many benchmark runs this daemon finished, by final status. */
    public synchronized Map<TaskStatus, Long> finishedRuns() {
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            if (status.isFinal()) {
                counts.put(status, finishedRuns.getOrDefault(status, 0L));
            }
        }
        return counts;
    }

    /** Cancels every task and waits (up to {@code wait}) for the running one to store its run. */
    public void close(Duration wait) {
        List<Long> open;
        synchronized (this) {
            open = tasks.values().stream().filter(e -> !e.status.isFinal()).map(e -> e.id).toList();
        }
        for (long id : open) {
            try {
                cancel(id);
            } catch (ConflictException finishedOrUnstoppable) {
                // Nothing left to stop, or a setup action that ends by itself.
            }
        }
        bench.shutdown();
        synchronized (this) {
            lanes.values().forEach(ExecutorService::shutdown);
        }
        try {
            bench.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(15));
    }

    private void executeSetup(Entry entry, Callable<Object> work) {
        synchronized (this) {
            if (entry.status != TaskStatus.QUEUED) {
                return;
            }
            entry.status = TaskStatus.RUNNING;
            entry.startedAt = now();
        }
        emit(TaskEvent.of(TaskEvent.Type.STARTED, info(entry)));
        TaskStatus outcome = TaskStatus.SUCCEEDED;
        String error = null;
        try {
            Object result = work.call();
            synchronized (this) {
                entry.result = result;
            }
        } catch (Exception e) {
            outcome = TaskStatus.FAILED;
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        synchronized (this) {
            finish(entry, outcome, error);
        }
        emit(TaskEvent.of(outcome == TaskStatus.SUCCEEDED ? TaskEvent.Type.FINISHED : TaskEvent.Type.FAILED, info(entry)));
    }

    private void execute(Entry entry, RunRequest request) {
        synchronized (this) {
            if (entry.status != TaskStatus.QUEUED) {
                return;
            }
            entry.status = TaskStatus.RUNNING;
            entry.startedAt = now();
        }
        RunRecord record;
        try {
            record = engine.run(request, new Progress(entry, request), entry.cancellation);
        } catch (RuntimeException e) {
            end(entry, TaskStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        RunStatus status = record.run().status();
        end(entry, status == RunStatus.COMPLETED ? TaskStatus.SUCCEEDED
            : status == RunStatus.CANCELLED ? TaskStatus.CANCELLED : TaskStatus.FAILED, record.run().error());
    }

    private void end(Entry entry, TaskStatus status, String error) {
        synchronized (this) {
            finish(entry, status, error);
            finishedRuns.merge(status, 1L, Long::sum);
        }
        emit(TaskEvent.of(switch (status) {
            case SUCCEEDED -> TaskEvent.Type.FINISHED;
            case CANCELLED -> TaskEvent.Type.CANCELLED;
            default -> TaskEvent.Type.FAILED;
        }, info(entry)));
    }

    private void finish(Entry entry, TaskStatus status, String error) {
        entry.status = status;
        entry.error = error;
        entry.finishedAt = now();
        if (status == TaskStatus.SUCCEEDED) {
            entry.progress = 1;
        }
    }

    /** Turns the engine's progress into task events; the fraction counts trials, and metrics within a trial. */
    private final class Progress implements RunListener {
        private final Entry entry;
        private final Map<String, Integer> planned = new LinkedHashMap<>();
        private int trialsDone;
        private int metricsSeen;

        Progress(Entry entry, RunRequest request) {
            this.entry = entry;
            request.benchmarks().forEach(b -> planned.put(b.name(), request.policy().trials()));
        }

        @Override
        public void runStarted(long runId, RunRequest request, Environment environment) {
            synchronized (Tasks.this) {
                entry.runId = runId;
            }
            emit(TaskEvent.of(TaskEvent.Type.STARTED, info(entry)));
        }

        @Override
        public void trialStarted(Benchmark test, int number, int plannedTrials) {
            metricsSeen = 0;
            emit(TaskEvent.trialStarted(info(entry), test.name(), number, plannedTrials));
        }

        @Override
        public void progress(Benchmark test, int number, Metric metric, double value) {
            metricsSeen = Math.min(metricsSeen + 1, test.metrics().size());
            update(trialsDone + metricsSeen / (double) test.metrics().size());
            emit(TaskEvent.progress(info(entry), test.name(), number, metric.name(), metric.unit(), value));
        }

        @Override
        public void trialFinished(Benchmark test, Trial trial) {
            trialsDone++;
            metricsSeen = 0;
            update(trialsDone);
            Map<String, Double> values = new LinkedHashMap<>();
            for (Measurement m : trial.measurements()) {
                values.put(m.metric(), m.value());
            }
            emit(TaskEvent.trialDone(info(entry), test.name(), trial.number(), values));
        }

        @Override
        public void moreTrials(Benchmark test, int plannedTrials, String reason) {
            planned.put(test.name(), plannedTrials);
            update(trialsDone);
        }

        private void update(double done) {
            int total = planned.values().stream().mapToInt(Integer::intValue).sum();
            synchronized (Tasks.this) {
                entry.progress = Math.min(1, done / total);
            }
        }
    }

    private synchronized TaskInfo info(Entry entry) {
        return entry.info();
    }

    private Entry entry(long id) {
        Entry entry = tasks.get(id);
        if (entry == null) {
            throw new NotFoundException("no task " + id + " (the daemon remembers the last " + FINISHED_KEPT
                + " finished tasks; runs stay in the history)");
        }
        return entry;
    }

    private void forgetOldFinished() {
        List<Long> finished = tasks.values().stream().filter(e -> e.status.isFinal()).map(e -> e.id).toList();
        for (int i = 0; i < finished.size() - FINISHED_KEPT; i++) {
            tasks.remove(finished.get(i));
        }
    }

    private void emit(TaskEvent event) {
        for (Consumer<TaskEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
