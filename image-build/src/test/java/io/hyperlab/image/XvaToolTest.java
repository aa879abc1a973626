package io.hyperlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XvaToolTest {
    @TempDir
    Path dir;

    @Test
    void writesThenChecksAnXva() throws Exception {
        Path disk = TestDisks.disk(dir, 2, 1);
        Path xva = dir.resolve("vm.xva");
        assertEquals(0, XvaTool.run("write", "--disk", disk.toString(), "--out", xva.toString(),
            "--name", "vm", "--description", "a test"));
        assertEquals(0, XvaTool.run("check", xva.toString(), "--disk", disk.toString()));
    }

    @Test
    void badUsageExitsTwoAndWritesNothing() throws Exception {
        Path disk = TestDisks.disk(dir, 2, 1);
        Path xva = dir.resolve("vm.xva");
        assertEquals(2, XvaTool.run());
        assertEquals(2, XvaTool.run("pack"));
        assertEquals(2, XvaTool.run("write", "--disk", disk.toString(), "--out", xva.toString()), "no name");
        assertEquals(2, XvaTool.run("write", "--disk", disk.toString(), "--out", xva.toString(),
            "--name", "vm", "--description", "", "--firmware", "coreboot"));
        assertEquals(2, XvaTool.run("write", "--disk", dir.resolve("missing.raw").toString(), "--out", xva.toString(),
            "--name", "vm", "--description", ""));
        assertEquals(2, XvaTool.run("check"));
        assertFalse(Files.exists(xva));
    }

    @Test
    void anInvalidXvaExitsOne() throws Exception {
        Path notXva = dir.resolve("not.xva");
        Files.writeString(notXva, "hello");
        assertEquals(1, XvaTool.run("check", notXva.toString()));
    }
}
