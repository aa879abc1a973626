package io.hyperlab.cli;

import io.hyperlab.InvalidInputException;
import io.hyperlab.host.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Passwords come from a file or standard input ("-"), never from the command line where ps would show them. */
final class Passwords {
    private Passwords() {
    }

    static Secret read(Path file, InputStream stdin) {
        if (file == null) {
            return null;
        }
        String text;
        try {
            text = file.toString().equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the password file " + file + ": " + e.getMessage()
                + "; give a readable file, or - for standard input");
        }
        Secret secret = Secret.fromInput(text);
        if (secret.isEmpty()) {
            throw new InvalidInputException("the password " + (file.toString().equals("-") ? "on standard input" : "file " + file)
                + " is empty");
        }
        return secret;
    }
}
