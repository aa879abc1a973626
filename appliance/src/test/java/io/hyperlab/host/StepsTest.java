package io.hyperlab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed step undoes the steps before it, newest first, and says what could not be undone. */
class StepsTest {
    @Test
    void failedStepUndoesEarlierStepsNewestFirst() {
        List<String> undone = new ArrayList<>();
        Steps steps = new Steps("create VM 'web' on host kvm1");
        steps.run("create disk", () -> "disk", made -> undone.add(made));
        steps.run("define VM", () -> "domain", made -> undone.add(made));
        IllegalStateException cause = new IllegalStateException("no space left");
        StepFailedException e = assertThrows(StepFailedException.class, () -> steps.run("start VM", () -> {
            throw cause;
        }));
        assertEquals(List.of("domain", "disk"), undone);
        assertEquals("start VM", e.step());
        assertSame(cause, e.getCause());
        assertEquals("create VM 'web' on host kvm1 failed at step 'start VM': no space left; everything made before it was undone",
            e.getMessage());
    }

    @Test
    void whatCannotBeUndoneIsNamed() {
        Steps steps = new Steps("create network 'lan' on host kvm1");
        steps.run("define network", () -> "net", made -> {
            throw new IllegalStateException("connection lost");
        });
        StepFailedException e = assertThrows(StepFailedException.class, () -> steps.run("start network", () -> {
            throw new IllegalStateException("bridge br9 missing");
        }));
        assertEquals(List.of("define network (connection lost)"), e.leftBehind());
        assertEquals("create network 'lan' on host kvm1 failed at step 'start network': bridge br9 missing;"
            + " could not undo: define network (connection lost) (remove by hand)", e.getMessage());
    }

    @Test
    void doneKeepsEverything() {
        List<String> undone = new ArrayList<>();
        Steps steps = new Steps("x");
        steps.run("one", () -> "a", undone::add);
        steps.done();
        assertThrows(StepFailedException.class, () -> steps.run("two", () -> {
            throw new IllegalStateException("late");
        }));
        assertEquals(List.of(), undone, "steps before done() stay");
    }
}
