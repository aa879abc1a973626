package io.hyperlab.console;

import java.util.List;

/**
 * The login screen: the daemon's user (admin) and password, checked by the daemon, which keeps
 * its own limits on failed attempts. Both tty1 and {@code ssh admin@} log in this way.
 */
final class LoginDialog {
    static final int MAX_NAME = 64;
    static final int MAX_PASSWORD = 1024;

    private LoginDialog() {
    }

    static void show(Console console) {
        Object done = FormDialog.show(console, "Log in", "Log in to HyperLab at " + console.client().base() + " with the admin"
                + " account (first start: the one-time password on the status screen or in the daemon's log).",
            List.of(
                Field.text("username", "User", "admin", Field.required(MAX_NAME)),
                Field.secret("password", "Password", Field.required(MAX_PASSWORD))),
            values -> {
                console.client().login(values.get("username").strip(), values.get("password"));
                return Boolean.TRUE;
            });
        if (done != null) {
            console.sessionChanged("Logged in as " + console.client().user() + ".");
        }
    }
}
