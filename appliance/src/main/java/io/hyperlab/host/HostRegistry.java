package io.hyperlab.host;

import io.hyperlab.ConflictException;
import io.hyperlab.history.HostRow;
import io.hyperlab.history.Hosts;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The hosts HyperLab knows, stored in the history: add, list, get (with its password, for connecting) and remove. */
public final class HostRegistry {
    private final Hosts hosts;

    public HostRegistry(Hosts hosts) {
        this.hosts = hosts;
    }

    /** A stored host as a user may see it: everything but the password, and whether one is stored. */
    public record StoredHost(String name, HostKind kind, URI uri, String user, boolean passwordStored, Fingerprint fingerprint,
                             Instant addedAt) {
    }

    public void add(HostConnection host) {
        hosts.add(new HostRow(host.name(), host.kind().id(), host.uri().toString(), host.user(),
            host.password() == null ? null : new String(host.password().reveal()),
            host.fingerprint() == null ? null : host.fingerprint().sha256(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * Connects to a new host once, to see that it answers and to read its facts, then stores it;
     * the action log records it as "host add". A name already stored is refused before connecting.
     */
    public HostFacts connectAndAdd(HostConnection host, ActionLog log) {
        if (contains(host.name())) {
            throw new ConflictException("a host named '" + host.name() + "' is already stored; remove it first (hyperlab host remove "
                + host.name() + ", or DELETE /api/v1/hosts/" + host.name() + ") or choose another name");
        }
        return log.record(host.name(), "host add", host, () -> {
            try (HostDriver driver = HostDrivers.open(host)) {
                HostFacts facts = driver.facts();
                add(host);
                return facts;
            }
        });
    }

    public boolean contains(String name) {
        return hosts.list().stream().anyMatch(row -> row.name().equals(name));
    }

    public List<StoredHost> list() {
        return hosts.list().stream().map(HostRegistry::stored).toList();
    }

    public StoredHost describe(String name) {
        return stored(hosts.get(name));
    }

    /** The connection of a stored host, password included; NotFoundException when there is none by that name. */
    public HostConnection connection(String name) {
        HostRow row = hosts.get(name);
        return new HostConnection(row.name(), HostKind.of(row.kind()), URI.create(row.uri()), row.user(),
            row.password() == null ? null : Secret.of(row.password().toCharArray()),
            row.fingerprint() == null ? null : Fingerprint.parse(row.fingerprint()));
    }

    public void remove(String name) {
        hosts.remove(name);
    }

    private static StoredHost stored(HostRow row) {
        return new StoredHost(row.name(), HostKind.of(row.kind()), URI.create(row.uri()), row.user(), row.password() != null,
            row.fingerprint() == null ? null : Fingerprint.parse(row.fingerprint()), row.addedAt());
    }
}
