package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.DaemonClient;
import io.hyperlab.console.ScreenDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Comparing two labels, and a label with the study's published figures, side by side. */
class CompareScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @BeforeAll
    static void setUp() throws Exception {
        DaemonClient admin = lab.admin();
        lab.quickRun(admin, "KVM VM", 2);
        lab.quickRun(admin, "Xen VM", 2);
    }

    /** Logged in, Compare highlighted, the form open. */
    private static ScreenDriver openForm() {
        ScreenDriver screen = lab.loggedIn();
        screen.select("Compare").waitFor("Labels          2");
        screen.press(KeyType.Enter).waitFor("The first side is the baseline");
        return screen;
    }

    @Test
    void twoLabelsSideBySideWithDifferenceAndVerdict() {
        try (ScreenDriver screen = openForm()) {
            String form = screen.screen();
            assertTrue(screen.lineWith("Baseline:").contains("KVM VM") && screen.lineWith("Compare with:").contains("Xen VM"), form);
            screen.press(KeyType.ArrowDown, 2).press(KeyType.Enter);
            String text = screen.waitFor("B vs A");
            assertTrue(text.contains("Baseline (A)    KVM VM") && text.contains("Compared (B)    Xen VM"), text);
            assertTrue(text.contains("Welch's t-test, alpha 0.05"), text);
            String composite = screen.lineWith("Composite");
            assertTrue(composite.matches(".*Composite \\(MFLOPS\\)\\s+\\d+\\s+\\d+\\s+[+-]\\d+\\.\\d%\\s+(B better|B worse|noise).*"), composite);
        }
    }

    @Test
    void aLabelAgainstTheStudysKvmFigures() {
        try (ScreenDriver screen = openForm()) {
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).press(KeyType.ArrowDown, 2).press(KeyType.Enter);
            screen.waitUntil(s -> screen.hasLine("Compare with:", "study: KVM"), "the study's KVM figures chosen");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter);
            String text = screen.waitFor("B vs A");
            assertTrue(text.contains("Compared (B)    KVM VM (thesis-2021)"), text);
            screen.press(KeyType.PageDown);
            screen.waitFor("untested");
        }
    }

    @Test
    void theSameLabelTwiceIsRefusedBesideTheField() {
        try (ScreenDriver screen = openForm()) {
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).press(KeyType.ArrowUp).press(KeyType.Enter);
            screen.waitUntil(s -> screen.hasLine("Compare with:", "KVM VM"), "the same label on both sides");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter);
            String text = screen.waitFor("the same label twice");
            assertTrue(screen.lineWith("the same label").contains("Compare with:"), text);
        }
    }
}
