package io.hyperlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XvaCheckTest {
    @TempDir
    Path dir;
    Path disk;
    Path xva;
    List<TestDisks.Member> members;

    @BeforeEach
    void writeOne() throws IOException {
        disk = TestDisks.disk(dir, 5, 0, 2);
        xva = dir.resolve("vm.xva");
        XvaWriter.write(disk, TestDisks.spec(disk), xva, Instant.now());
        members = new ArrayList<>(TestDisks.members(xva));
    }

    private String failure(List<TestDisks.Member> changed) throws IOException {
        Path bad = dir.resolve("bad.xva");
        TestDisks.writeTar(bad, changed);
        return assertThrows(XvaFormatException.class, () -> XvaCheck.check(bad, Optional.empty())).getMessage();
    }

    @Test
    void acceptsWhatTheWriterWroteAndFindsTheRawDiskInIt() throws IOException {
        XvaCheck.Report report = XvaCheck.check(xva, Optional.of(disk));

        assertEquals("HyperLab appliance", report.vmName());
        assertEquals(2, report.vcpus());
        assertEquals(1024 * VmSpec.MIB, report.memoryBytes());
        assertEquals("bios", report.firmware());
        assertEquals(5 * VmSpec.MIB, report.virtualSize());
        assertEquals(3, report.blocksPresent(), "blocks 0, 2 and the last");
    }

    @Test
    void findsARawDiskThatDiffersInALeftOutBlock() throws IOException {
        try (FileChannel channel = FileChannel.open(disk, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {7}), 3L * TestDisks.MIB + 10);
        }
        XvaFormatException error = assertThrows(XvaFormatException.class, () -> XvaCheck.check(xva, Optional.of(disk)));
        assertTrue(error.getMessage().contains("block 00000003 differs"), error.getMessage());
    }

    @Test
    void refusesAnXvaWhoseFirstMemberIsNotOvaXml() throws IOException {
        members.add(0, members.remove(1));
        assertTrue(failure(members).contains("must start with ova.xml"));
    }

    @Test
    void refusesAWrongChecksum() throws IOException {
        members.set(2, TestDisks.Member.text("Ref:2/00000000.checksum", "0".repeat(40)));
        assertTrue(failure(members).contains("Ref:2/00000000.checksum says 0000"));
    }

    @Test
    void refusesAnXvaWithoutItsLastBlock() throws IOException {
        assertTrue(failure(members.subList(0, members.size() - 2)).contains("last block 00000004 must be present"));
    }

    @Test
    void refusesAnXvaWithoutItsFirstBlock() throws IOException {
        members.remove(1);
        members.remove(1);
        assertTrue(failure(members).contains("block 00000000 must be present"));
    }

    @Test
    void refusesBlocksOutOfOrder() throws IOException {
        List<TestDisks.Member> swapped = new ArrayList<>(members.subList(0, 3));
        swapped.addAll(members.subList(5, 7));
        swapped.addAll(members.subList(3, 5));
        assertTrue(failure(swapped).contains("out of order"));
    }

    @Test
    void refusesABlockThatIsNotOneMib() throws IOException {
        members.set(3, new TestDisks.Member("Ref:2/00000002", new byte[4096]));
        assertTrue(failure(members).contains("blocks must be 1 MiB"));
    }

    @Test
    void refusesAReferenceThatResolvesToNothing() throws IOException {
        String xml = new String(members.get(0).data(), java.nio.charset.StandardCharsets.UTF_8);
        members.set(0, TestDisks.Member.text("ova.xml", xml.replace("<name>SR</name><value>Ref:1</value>",
            "<name>SR</name><value>Ref:99</value>")));
        assertTrue(failure(members).contains("refers to Ref:99"));
    }

    @Test
    void refusesOvaXmlThatIsNotXml() throws IOException {
        members.set(0, TestDisks.Member.text("ova.xml", "<value><struct>"));
        assertTrue(failure(members).contains("not well-formed XML"));
    }
}
