package io.hyperlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void readsBinaryAndDecimalUnits() {
        assertEquals(4096, ByteSize.parse("4096"));
        assertEquals(4096, ByteSize.parse("4096B"));
        assertEquals(32L << 20, ByteSize.parse("32MiB"));
        assertEquals(32L << 20, ByteSize.parse("32M"));
        assertEquals(512L << 10, ByteSize.parse("512KiB"));
        assertEquals(8L << 30, ByteSize.parse("8GiB"));
        assertEquals(64_000_000, ByteSize.parse("64MB"));
        assertEquals(2_000, ByteSize.parse("2kB"));
        assertEquals(3_000_000_000L, ByteSize.parse(" 3 GB "));
    }

    @Test
    void refusesWhatIsNotASize() {
        InvalidInputException unit = assertThrows(InvalidInputException.class, () -> ByteSize.parse("32XB"));
        assertTrue(unit.getMessage().contains("unknown size unit 'XB'"), unit.getMessage());
        assertThrows(InvalidInputException.class, () -> ByteSize.parse("-1MiB"));
        assertThrows(InvalidInputException.class, () -> ByteSize.parse("1.5GiB"));
        assertThrows(InvalidInputException.class, () -> ByteSize.parse(""));
        assertThrows(InvalidInputException.class, () -> ByteSize.parse("99999999999999999999"));
        assertThrows(InvalidInputException.class, () -> ByteSize.parse("9999999999999GiB"));
    }

    @Test
    void formatsForPeople() {
        assertEquals("32.0 MiB", ByteSize.format(32L << 20));
        assertEquals("1.5 GiB", ByteSize.format(3L << 29));
        assertEquals("512 B", ByteSize.format(512));
    }
}
