package io.hyperlab.web.auth;

/**
 * Who a request comes from. A web session has an id hash and a CSRF token that its
 * state-changing requests must echo; an API token (a script) has neither.
 */
public record Principal(long userId, String user, String sessionHash, String csrfToken) {
    public boolean viaSession() {
        return sessionHash != null;
    }
}
