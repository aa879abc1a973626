package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks every form field runs before anything is sent: empty, too long, wrong type, out of range. */
class FieldTest {
    @Test
    void requiredTextRefusesEmptyTooLongAndControlCharacters() {
        Field.Check check = Field.required(5);
        assertEquals("required: type 1 to 5 characters", check.problem(""));
        assertEquals("required: type 1 to 5 characters", check.problem("   "));
        assertEquals("too long: 6 characters, at most 5", check.problem("abcdef"));
        assertEquals("no control characters", check.problem("a\tb"));
        assertNull(check.problem("abcde"));
    }

    @Test
    void optionalTextAcceptsEmpty() {
        assertNull(Field.optional(3).problem(""));
        assertEquals("too long: 4 characters, at most 3", Field.optional(3).problem("abcd"));
    }

    @Test
    void wholeNumbersAreCheckedForTypeAndRange() {
        Field.Check trials = Field.wholeNumber(1, 1000, true);
        assertNull(trials.problem(""));
        assertNull(trials.problem(" 12 "));
        assertEquals("'three' is not a whole number: use 1 to 1000", trials.problem("three"));
        assertEquals("'2.5' is not a whole number: use 1 to 1000", trials.problem("2.5"));
        assertEquals("out of range: use 1 to 1000", trials.problem("0"));
        assertEquals("out of range: use 1 to 1000", trials.problem("1001"));
        assertEquals("'99999999999~' is not a whole number: use 1 to 1000", trials.problem("999999999999999999999999"));
        assertEquals("required: a whole number from 1 to 1000", Field.wholeNumber(1, 1000, false).problem(""));
    }

    @Test
    void decimalsAreCheckedForTypeAndRange() {
        Field.Check seconds = Field.decimal(0.01, 600, true);
        assertNull(seconds.problem("0.5"));
        assertEquals("'fast' is not a number: use 0.01 to 600", seconds.problem("fast"));
        assertEquals("out of range: use 0.01 to 600", seconds.problem("0"));
        assertEquals("out of range: use 0.01 to 600", seconds.problem("NaN"));
        assertEquals("out of range: use 0.01 to 600", seconds.problem("601"));
    }

    @Test
    void choicesAcceptOnlyTheirValuesAndStartOnTheFirstWhenTheInitialIsNotOne() {
        Field suite = Field.choice("suite", "Suite", List.of("cpu", "memory"), "thesis");
        assertEquals("cpu", suite.initial());
        assertNull(suite.check().problem("memory"));
        assertEquals("choose one of cpu, memory", suite.check().problem("gpu"));
    }
}
