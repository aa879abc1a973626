package io.hyperlab.history;

import java.time.Instant;

/** A stored host as the history keeps it; {@code toString} never shows the password. */
public record HostRow(String name, String kind, String uri, String user, String password, String fingerprint, Instant addedAt) {
    @Override
    public String toString() {
        return "HostRow[name=" + name + ", kind=" + kind + ", uri=" + uri + ", user=" + user + ", password="
            + (password == null ? "none" : "********") + ", fingerprint=" + fingerprint + ", addedAt=" + addedAt + "]";
    }
}
