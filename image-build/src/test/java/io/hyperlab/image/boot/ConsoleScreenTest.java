package io.hyperlab.image.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How the boot test reads the console's status display: a fingerprint the console wraps over rows. */
class ConsoleScreenTest {
    /** The console at 80x24 as tmux showed it; on tty1 the frame's lines read as spaces. */
    private static final String STATUS = String.join("\n",
        " HyperLab console  https://127.0.0.1:36765/                not logged in  11:45",
        "┌─HyperLab───────────────┐┌────────────────────────────────────────────────────┐",
        "│Status Display          ││Status Display                                      │",
        "│Authentication          ││                                                    │",
        "│Network and Management  ││Version         HyperLab 0.1.0                      │",
        "│Hypervisor Hosts        ││Web page        https://127.0.0.1:36765/            │",
        "│Virtual Machines        ││TLS SHA-256     6F:B0:BD:7F:DC:5E:B2:09:D3:7D:DC:   │",
        "│Storage                 ││                C9:F7:C2:14:DB:A1:20:DB:ED:75:FF:   │",
        "│Benchmarks              ││                42:3C:A4:9E:0A:DC:23:02:30:9A       │",
        "│Network Test Server     ││                                                    │",
        "│History                 ││Admin password  SYh8hjTTa87jmj7PCwbh                │");

    @Test
    void theFingerprintIsReadAcrossTheRowsItWrapsOver() {
        assertEquals("6F:B0:BD:7F:DC:5E:B2:09:D3:7D:DC:C9:F7:C2:14:DB:A1:20:DB:ED:75:FF:42:3C:A4:9E:0A:DC:23:02:30:9A",
            ConsoleScreen.fingerprint(STATUS));
        assertEquals("6F:B0:BD:7F:DC:5E:B2:09:D3:7D:DC:C9:F7:C2:14:DB:A1:20:DB:ED:75:FF:42:3C:A4:9E:0A:DC:23:02:30:9A",
            ConsoleScreen.fingerprint(STATUS.replaceAll("[│┌┐─]", " ")));
    }

    @Test
    void aCutFingerprintIsNotTakenForOne() {
        String cut = STATUS.replace("42:3C:A4:9E:0A:DC:23:02:30:9A", "                             ");
        assertThrows(AssertionError.class, () -> ConsoleScreen.fingerprint(cut));
    }
}
