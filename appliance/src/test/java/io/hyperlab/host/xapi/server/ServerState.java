package io.hyperlab.host.xapi.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one test server knows: the objects, who may log in, whether it is a pool member,
 * the file shares an ISO SR can mount, faults a test asked for, and the calls it received.
 */
final class ServerState {
    /** A CIFS or NFS share the "network" around the host offers, with the ISO files in it. */
    record Share(String location, String type, String username, String password, List<String> files) {
    }

    private final ObjectStore store;
    private final String user;
    private final String password;
    private final Map<String, Deque<XapiFault>> faults = new HashMap<>();
    private final Map<String, Share> shares = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> hanging = new ArrayList<>();
    private final List<String> expiring = new ArrayList<>();
    private String coordinator;
    private String hostRef;
    private String poolRef;

    ServerState(ObjectStore store, String user, String password) {
        this.store = store;
        this.user = user;
        this.password = password;
    }

    ObjectStore store() {
        return store;
    }

    boolean acceptsLogin(String givenUser, String givenPassword) {
        return user.equals(givenUser) && password.equals(givenPassword);
    }

    /** The pool coordinator's address when this host is a member, else null. */
    String coordinator() {
        return coordinator;
    }

    void coordinator(String address) {
        coordinator = address;
    }

    String hostRef() {
        return hostRef;
    }

    String poolRef() {
        return poolRef;
    }

    void identity(String host, String pool) {
        hostRef = host;
        poolRef = pool;
    }

    void failNext(String method, XapiFault fault) {
        faults.computeIfAbsent(method, m -> new ArrayDeque<>()).add(fault);
    }

    /** The fault a test queued for this method, taken off the queue; null when there is none. */
    XapiFault takeFault(String method) {
        Deque<XapiFault> queue = faults.get(method);
        return queue == null ? null : queue.poll();
    }

    /** The next Async call of {@code method} leaves its task pending, as a guest that ignores a shutdown request does. */
    void hangNext(String method) {
        hanging.add(method);
    }

    boolean takeHang(String method) {
        return hanging.remove(method);
    }

    /** After the next successful call of {@code method}, every session ends, as when the toolstack restarts. */
    void expireSessionsAfter(String method) {
        expiring.add(method);
    }

    /** Ends every session if a test asked for it after {@code method}. */
    void afterSuccess(String method) {
        if (expiring.remove(method)) {
            store.refs("session", session -> true).forEach(ref -> store.destroy("session", ref));
        }
    }

    void addShare(Share share) {
        shares.put(share.location(), share);
    }

    Share share(String location) {
        return shares.get(location);
    }

    void record(String method) {
        calls.add(method);
    }

    List<String> calls() {
        return calls;
    }
}
