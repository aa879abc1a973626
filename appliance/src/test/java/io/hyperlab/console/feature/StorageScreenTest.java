package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ISO libraries of a libvirt test-driver host: listed with their images, rescanned, and a bad new one refused. */
class StorageScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @BeforeAll
    static void setUp() throws Exception {
        lab.addLabHost();
    }

    private static ScreenDriver openStorage() {
        ScreenDriver screen = lab.loggedIn();
        screen.select("Storage").waitFor("Storage: ISO Libraries");
        screen.press(KeyType.Enter).waitFor("Add an ISO library (NFS or SMB)");
        return screen;
    }

    @Test
    void listsALibrarysIsoImagesAndRescansIt() {
        try (ScreenDriver screen = openStorage()) {
            String text = screen.waitFor("isos  (");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("List ISO images");
            screen.press(KeyType.Enter);
            text = screen.waitFor("ISO images in isos");
            assertTrue(text.contains("debian-12.4.0-amd64-netinst.iso") && text.contains("628 MiB"), text);
            screen.press(KeyType.Escape);
            screen.press(KeyType.Enter).waitFor("Add an ISO library (NFS or SMB)");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("List ISO images");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter);
            screen.waitFor("rescan ISO library isos on lab: succeeded.");
        }
    }

    @Test
    void aNewLibraryIsCheckedFieldByField() {
        try (ScreenDriver screen = openStorage()) {
            screen.press(KeyType.Enter).waitFor("Location:");
            screen.type("-bad").press(KeyType.ArrowDown, 5).press(KeyType.Enter);
            String text = screen.waitFor("Correct the fields marked");
            assertTrue(screen.lineWith("Name:").contains("-bad") && screen.lineWith("Name:").contains("use 1 to 64"), text);
            assertTrue(screen.lineWith("Location:").contains("required"), text);
            screen.erase(4).type("share").press(KeyType.ArrowDown, 2).type("x".repeat(201)).press(KeyType.ArrowDown, 3).press(KeyType.Enter);
            screen.waitUntil(s -> screen.hasLine("too long: 201", "Location:"),
                "'too long' beside Location");
        }
    }
}
