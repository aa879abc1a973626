package io.hyperlab.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Raw disks and tar members for the XVA tests. */
final class TestDisks {
    static final int MIB = XvaWriter.BLOCK;

    private TestDisks() {
    }

    /** A sparse raw disk of {@code mib} MiB whose listed blocks are filled with their index + 1. */
    static Path disk(Path dir, int mib, int... filledBlocks) throws IOException {
        Path disk = dir.resolve("disk.raw");
        try (FileChannel channel = FileChannel.open(disk, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(new byte[] {0}), (long) mib * MIB - 1);
            for (int block : filledBlocks) {
                byte[] data = new byte[MIB];
                Arrays.fill(data, (byte) (block + 1));
                channel.write(ByteBuffer.wrap(data), (long) block * MIB);
            }
        }
        return disk;
    }

    static VmSpec spec(Path disk) throws IOException {
        return new VmSpec("HyperLab appliance", "test <&> \"quoted\"", 2, 1024 * VmSpec.MIB, VmSpec.Firmware.BIOS, Files.size(disk));
    }

    record Member(String name, byte[] data) {
        static Member text(String name, String text) {
            return new Member(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<Member> members(Path tarFile) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarFile))) {
            var members = new java.util.ArrayList<Member>();
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                members.add(new Member(entry.getName(), tar.readAllBytes()));
            }
            return members;
        }
    }

    static void writeTar(Path tarFile, List<Member> members) throws IOException {
        try (OutputStream out = Files.newOutputStream(tarFile); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Member member : members) {
                TarArchiveEntry entry = new TarArchiveEntry(member.name());
                entry.setSize(member.data().length);
                tar.putArchiveEntry(entry);
                tar.write(member.data());
                tar.closeArchiveEntry();
            }
        }
    }
}
