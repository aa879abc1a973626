package io.hyperlab.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
        String first = Passwords.hash("correct horse battery");
        String second = Passwords.hash("correct horse battery");
        assertTrue(first.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second);
        assertTrue(Passwords.verify("correct horse battery", first));
        assertTrue(Passwords.verify("correct horse battery", second));
        assertFalse(Passwords.verify("correct horse batterY", first));
        assertFalse(Passwords.verify("", first));
    }

    @Test
    void hashesInAnotherFormatNeverMatch() {
        assertFalse(Passwords.verify("x", "x"));
        assertFalse(Passwords.verify("x", ""));
        assertFalse(Passwords.verify("x", "$2a$10$abcdefghijklmnopqrstuv"));
        assertFalse(Passwords.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
    }

    @Test
    void chosenPasswordsAreCheckedAndRandomOnesAreReadable() {
        assertEquals("new", assertThrows(InvalidInputException.class, () -> Passwords.check("new", "short")).field());
        assertThrows(InvalidInputException.class, () -> Passwords.check("new", "x".repeat(1025)));
        assertThrows(InvalidInputException.class, () -> Passwords.check("new", "ten chars\nplus"));
        assertEquals("long enough", Passwords.check("new", "long enough"));
        String random = Passwords.random();
        assertTrue(random.matches("[a-km-np-zA-HJ-NP-Z2-9]{20}"), random);
        assertNotEquals(random, Passwords.random());
    }
}
