package io.hyperlab.host.xapi;

import io.hyperlab.HyperLabException;
import io.hyperlab.host.HostAuthenticationException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for XAPI futures on the calling thread (a worker, never an event loop) and turns what
 * failed into the project's errors: a refused login becomes {@link HostAuthenticationException};
 * errors that already say what to do pass through unchanged.
 */
final class XapiCalls {
    private XapiCalls() {
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for XenServer");
        }
    }

    /** Like {@link #await(Future)}, but gives up after {@code timeout} with a {@link TimeoutException}. */
    static <T> T await(Future<T> future, Duration timeout) throws TimeoutException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for XenServer");
        }
    }

    static RuntimeException translate(Throwable failure) {
        if (failure instanceof XapiException error && error.code().equals("SESSION_AUTHENTICATION_FAILED")) {
            return new HostAuthenticationException("XenServer refused the login of user '" + error.param(0)
                + "': the user or the password is wrong");
        }
        if (failure instanceof RuntimeException runtime && (runtime instanceof HyperLabException
            || runtime instanceof CancellationException)) {
            return runtime;
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new HyperLabException("talking to XenServer failed: " + reason, failure);
    }

    /** True when {@code failure} is the XAPI error {@code code}. */
    static boolean is(Throwable failure, String code) {
        return failure instanceof XapiException error && error.code().equals(code);
    }
}
