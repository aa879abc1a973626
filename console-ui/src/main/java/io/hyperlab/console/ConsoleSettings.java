package io.hyperlab.console;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

/**
 * The console's own settings, kept per user in a small properties file: today the auto-logout
 * time (xsconsole keeps its own the same way). The daemon is not involved.
 */
public final class ConsoleSettings {
    public static final int MIN_AUTO_LOGOUT_MINUTES = 1;
    public static final int MAX_AUTO_LOGOUT_MINUTES = 1440;
    private static final String AUTO_LOGOUT = "autoLogoutMinutes";

    private final Path file;
    private volatile Duration autoLogout;

    private ConsoleSettings(Path file, Duration autoLogout) {
        this.file = file;
        this.autoLogout = autoLogout;
    }

    /** Reads the file; a missing or damaged one gives the defaults (and is rewritten on the next change). */
    static ConsoleSettings load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return new ConsoleSettings(file, ConsoleOptions.DEFAULT_AUTO_LOGOUT);
        } catch (IOException | IllegalArgumentException e) {
            return new ConsoleSettings(file, ConsoleOptions.DEFAULT_AUTO_LOGOUT);
        }
        Duration autoLogout = ConsoleOptions.DEFAULT_AUTO_LOGOUT;
        try {
            int minutes = Integer.parseInt(properties.getProperty(AUTO_LOGOUT, "").strip());
            if (minutes >= MIN_AUTO_LOGOUT_MINUTES && minutes <= MAX_AUTO_LOGOUT_MINUTES) {
                autoLogout = Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // The default stays.
        }
        return new ConsoleSettings(file, autoLogout);
    }

    public Duration autoLogout() {
        return autoLogout;
    }

    /** Sets and keeps the auto-logout time; the range was checked by the form. */
    public void setAutoLogout(Duration value) {
        long minutes = value.toMinutes();
        if (minutes < MIN_AUTO_LOGOUT_MINUTES || minutes > MAX_AUTO_LOGOUT_MINUTES) {
            throw new IllegalArgumentException("auto-logout must be " + MIN_AUTO_LOGOUT_MINUTES + " to " + MAX_AUTO_LOGOUT_MINUTES
                + " minutes, not " + minutes);
        }
        Properties properties = new Properties();
        properties.setProperty(AUTO_LOGOUT, Long.toString(minutes));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "HyperLab console settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConsoleException("cannot keep the console's settings in " + file + ": " + e.getMessage());
        }
        autoLogoutAfter(value);
    }

    /** Sets the auto-logout time for this process only, without the range check (tests use seconds). */
    public void autoLogoutAfter(Duration value) {
        autoLogout = value;
    }
}
