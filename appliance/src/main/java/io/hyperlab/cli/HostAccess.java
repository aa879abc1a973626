package io.hyperlab.cli;

import io.hyperlab.history.History;
import io.hyperlab.host.ActionLog;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDrivers;
import io.hyperlab.host.HostRegistry;
import io.hyperlab.host.LoggedHostDriver;
import java.io.PrintWriter;

/** What a host command works with: the history, its host registry and action log, and drivers opened from them. */
final class HostAccess implements AutoCloseable {
    final History history;
    final HostRegistry registry;
    final ActionLog log;

    private HostAccess(History history) {
        this.history = history;
        this.registry = new HostRegistry(history.hosts());
        this.log = new ActionLog(history.actions(), "cli:" + System.getProperty("user.name", "unknown"));
    }

    static HostAccess open(Main main, PrintWriter err) {
        return new HostAccess(main.openHistory(err));
    }

    /** Connects to a stored host; every change made through the driver goes into the action log. */
    HostDriver driver(String host) {
        return new LoggedHostDriver(HostDrivers.open(registry.connection(host)), log);
    }

    @Override
    public void close() {
        history.close();
    }
}
