package io.hyperlab.console.feature;

import io.hyperlab.console.Console;
import io.hyperlab.console.ConsoleSettings;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FieldError;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Authentication: log in and out, change the admin password, and set the auto-logout time. */
final class AuthenticationFeature implements Feature {
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 1024;

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Authentication", 20, false);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Authentication").blank();
        pane.field("Logged in as", console.client().loggedIn() ? console.client().user() : "nobody");
        pane.field("Auto-logout", "after " + console.settings().autoLogout().toMinutes() + " min without a key press");
        pane.blank().hint(console.client().loggedIn()
            ? "Press <Enter> to log out, change the password or the auto-logout time."
            : "Press <Enter> to log in.");
    }

    @Override
    public void activate(Console console) {
        if (!console.client().loggedIn()) {
            console.ensureLoggedIn();
            return;
        }
        List<String> actions = new ArrayList<>(List.of("Log out", "Change password", "Auto-logout time"));
        switch (console.choose("Authentication", "Logged in as " + console.client().user(), actions)) {
            case 0 -> console.logout("Logged out.");
            case 1 -> changePassword(console);
            case 2 -> autoLogout(console);
            default -> {
            }
        }
    }

    private static void changePassword(Console console) {
        Object done = FormDialog.show(console, "Change password", "The new password needs " + MIN_PASSWORD
                + " characters or more. Other sessions of this account end; this one stays.",
            List.of(
                Field.secret("current", "Current password", Field.required(MAX_PASSWORD)),
                Field.secret("new", "New password", newPassword()),
                Field.secret("repeat", "New password again", Field.required(MAX_PASSWORD))),
            values -> {
                if (!values.get("new").equals(values.get("repeat"))) {
                    throw new FieldError("repeat", "differs from the new password: type it again");
                }
                console.client().post("api/v1/account/password", Map.of("current", values.get("current"), "new", values.get("new")));
                return Boolean.TRUE;
            });
        if (done != null) {
            console.announce("Password changed.");
            console.hot().invalidateAll();
        }
    }

    private static Field.Check newPassword() {
        return value -> {
            if (value.length() < MIN_PASSWORD) {
                return value.isEmpty() ? "required: " + MIN_PASSWORD + " characters or more"
                    : "too short: " + value.length() + " characters, at least " + MIN_PASSWORD;
            }
            return Field.optional(MAX_PASSWORD).problem(value);
        };
    }

    private static void autoLogout(Console console) {
        Object done = FormDialog.show(console, "Auto-logout time", "The console logs out after this many minutes without a key press.",
            List.of(Field.text("minutes", "Minutes", Long.toString(console.settings().autoLogout().toMinutes()),
                Field.wholeNumber(ConsoleSettings.MIN_AUTO_LOGOUT_MINUTES, ConsoleSettings.MAX_AUTO_LOGOUT_MINUTES, false))),
            values -> {
                console.settings().setAutoLogout(Duration.ofMinutes(Long.parseLong(values.get("minutes").strip())));
                return Boolean.TRUE;
            });
        if (done != null) {
            console.announce("Auto-logout set to " + console.settings().autoLogout().toMinutes() + " min.");
        }
    }
}
