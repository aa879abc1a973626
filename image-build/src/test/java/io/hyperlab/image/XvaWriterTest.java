package io.hyperlab.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XvaWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesOvaXmlFirstThenNonZeroBlocksEachFollowedByItsSha1() throws Exception {
        Path disk = TestDisks.disk(dir, 6, 0, 2, 3);
        Path xva = dir.resolve("vm.xva");

        XvaWriter.Written written = XvaWriter.write(disk, TestDisks.spec(disk), xva, Instant.now());

        List<TestDisks.Member> members = TestDisks.members(xva);
        List<String> names = members.stream().map(TestDisks.Member::name).toList();
        assertEquals(List.of("ova.xml",
            "Ref:2/00000000", "Ref:2/00000000.checksum",
            "Ref:2/00000002", "Ref:2/00000002.checksum",
            "Ref:2/00000003", "Ref:2/00000003.checksum",
            "Ref:2/00000005", "Ref:2/00000005.checksum"), names);
        assertEquals(6, written.blocks());
        assertEquals(4, written.blocksWritten());
        assertEquals(Files.size(xva), written.bytes());
        for (int i = 1; i < members.size(); i += 2) {
            byte[] block = members.get(i).data();
            assertEquals(XvaWriter.BLOCK, block.length, members.get(i).name());
            String checksum = new String(members.get(i + 1).data(), StandardCharsets.US_ASCII);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(block)), checksum);
            assertEquals(40, checksum.length(), "40 hex digits, no newline");
        }
        assertEquals(3, members.get(3).data()[0], "block 2 holds what the disk held there");
    }

    @Test
    void keepsTheFirstAndLastBlocksOfAnAllZeroDisk() throws Exception {
        Path disk = TestDisks.disk(dir, 3);
        Path xva = dir.resolve("empty.xva");

        XvaWriter.write(disk, TestDisks.spec(disk), xva, Instant.now());

        List<String> names = TestDisks.members(xva).stream().map(TestDisks.Member::name).toList();
        assertEquals(List.of("ova.xml", "Ref:2/00000000", "Ref:2/00000000.checksum",
            "Ref:2/00000002", "Ref:2/00000002.checksum"), names);
    }

    @Test
    void writesAPosixUstarArchive() throws Exception {
        Path disk = TestDisks.disk(dir, 1, 0);
        Path xva = dir.resolve("vm.xva");
        XvaWriter.write(disk, TestDisks.spec(disk), xva, Instant.now());

        byte[] header = new byte[512];
        try (InputStream in = Files.newInputStream(xva)) {
            assertEquals(512, in.readNBytes(header, 0, 512));
        }
        assertEquals("ova.xml", new String(header, 0, 7, StandardCharsets.US_ASCII));
        assertEquals("ustar", new String(header, 257, 5, StandardCharsets.US_ASCII));
        long size = Files.size(xva);
        assertEquals(0, size % 512, "tar records are 512 bytes");
        byte[] end = new byte[1024];
        try (InputStream in = Files.newInputStream(xva)) {
            in.skipNBytes(size - 1024);
            assertEquals(1024, in.readNBytes(end, 0, 1024));
        }
        assertArrayEquals(new byte[1024], end, "ends with two zero records");
    }

    @Test
    void refusesADiskWhoseSizeDiffersFromTheSpec() throws Exception {
        Path disk = TestDisks.disk(dir, 2, 0);
        VmSpec spec = new VmSpec("vm", "", 2, 1024 * VmSpec.MIB, VmSpec.Firmware.BIOS, 3L * TestDisks.MIB);
        Path xva = dir.resolve("vm.xva");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> XvaWriter.write(disk, spec, xva, Instant.now()));

        assertTrue(error.getMessage().contains("2097152"), error.getMessage());
        assertFalse(Files.exists(xva));
        assertFalse(Files.exists(dir.resolve("vm.xva.partial")));
    }

    @Test
    void leavesNoFileWhenTheDiskCannotBeRead() throws IOException {
        Path disk = TestDisks.disk(dir, 2, 0);
        VmSpec spec = TestDisks.spec(disk);
        Files.delete(disk);
        Path xva = dir.resolve("vm.xva");

        assertThrows(IOException.class, () -> XvaWriter.write(disk, spec, xva, Instant.now()));

        assertFalse(Files.exists(xva));
        assertFalse(Files.exists(dir.resolve("vm.xva.partial")));
    }
}
