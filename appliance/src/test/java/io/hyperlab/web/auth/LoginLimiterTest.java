package io.hyperlab.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void tenFailuresFromOneAddressBlockItUntilTheOldestLeavesTheWindow() {
        Hand clock = new Hand();
        LoginLimiter limiter = new LoginLimiter(clock);
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.1", "user" + i));
            limiter.failed("10.0.0.1", "user" + i);
            clock.now = clock.now.plusSeconds(10);
        }
        Optional<Duration> wait = limiter.retryAfter("10.0.0.1", "someone");
        assertTrue(wait.isPresent());
        assertEquals(LoginLimiter.WINDOW.minusSeconds(100), wait.get());
        assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.2", "someone"), "other addresses are not blocked");
        clock.now = clock.now.plus(wait.get());
        assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.1", "someone"));
    }

    @Test
    void twentyFailuresForOneAccountBlockItFromEveryAddress() {
        Hand clock = new Hand();
        LoginLimiter limiter = new LoginLimiter(clock);
        for (int i = 0; i < LoginLimiter.PER_ACCOUNT; i++) {
            limiter.failed("10.0.1." + i, "admin");
        }
        assertTrue(limiter.retryAfter("10.9.9.9", "admin").isPresent());
        assertEquals(Optional.empty(), limiter.retryAfter("10.9.9.9", "other"));
    }

    @Test
    void aGoodLoginClearsItsAddressButNotTheAccount() {
        Hand clock = new Hand();
        LoginLimiter limiter = new LoginLimiter(clock);
        for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
            limiter.failed("10.0.0.1", "admin");
        }
        assertTrue(limiter.retryAfter("10.0.0.1", "x").isPresent());
        limiter.succeeded("10.0.0.1");
        assertEquals(Optional.empty(), limiter.retryAfter("10.0.0.1", "x"));
    }
}
