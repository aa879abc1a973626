package io.hyperlab.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after too many failed logins within a window, from one address or
 * for one account, further attempts are refused until the oldest failure leaves the window.
 * Refused attempts are not checked at all, so they cost the daemon nothing.
 */
public final class LoginLimiter {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ADDRESS = 10;
    static final int PER_ACCOUNT = 20;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if it must. */
    public synchronized Optional<Duration> retryAfter(String address, String account) {
        Instant now = clock.instant();
        Optional<Duration> byAddress = wait("address " + address, PER_ADDRESS, now);
        Optional<Duration> byAccount = wait("account " + account, PER_ACCOUNT, now);
        if (byAddress.isPresent() && byAccount.isPresent()) {
            return Optional.of(byAddress.get().compareTo(byAccount.get()) > 0 ? byAddress.get() : byAccount.get());
        }
        return byAddress.isPresent() ? byAddress : byAccount;
    }

    public synchronized void failed(String address, String account) {
        Instant now = clock.instant();
        failures.computeIfAbsent("address " + address, key -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("account " + account, key -> new ArrayDeque<>()).addLast(now);
        failures.values().removeIf(list -> {
            prune(list, now);
            return list.isEmpty();
        });
    }

    /** A good login from this address clears its failures; the account's stay, as others may be guessing it. */
    public synchronized void succeeded(String address) {
        failures.remove("address " + address);
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return Optional.empty();
        }
        prune(list, now);
        if (list.size() < limit) {
            return Optional.empty();
        }
        Instant oldestRelevant = list.stream().skip(list.size() - limit).findFirst().orElseThrow();
        return Optional.of(Duration.between(now, oldestRelevant.plus(WINDOW)));
    }

    private static void prune(Deque<Instant> list, Instant now) {
        while (!list.isEmpty() && !list.peekFirst().plus(WINDOW).isAfter(now)) {
            list.removeFirst();
        }
    }
}
