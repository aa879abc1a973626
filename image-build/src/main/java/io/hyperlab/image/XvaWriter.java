package io.hyperlab.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes an XVA (XenServer's VM export, export_vsn 2): a tar whose first member is
 * {@code ova.xml}, then the disk as 1 MiB blocks named by an 8-digit counter under the VDI's
 * id, each followed by its SHA-1 in a {@code .checksum} file. All-zero blocks are left out,
 * except the first and the last, which readers need to learn the block size and the end.
 */
public final class XvaWriter {
    public static final int BLOCK = 1 << 20;
    private static final byte[] ZEROS = new byte[BLOCK];

    /** What was written: the disk's blocks and how many of them went into the file. */
    public record Written(long blocks, long blocksWritten, long bytes) {
    }

    private XvaWriter() {
    }

    /**
     * Writes {@code out} from the raw disk image {@code disk}, whose size must equal the spec's.
     * The file appears only when complete (written beside it, then renamed).
     */
    public static Written write(Path disk, VmSpec spec, Path out, Instant exported) throws IOException {
        long size = Files.size(disk);
        if (size != spec.diskBytes()) {
            throw new IllegalArgumentException("raw disk " + disk + " has " + size + " bytes but the VM spec says "
                + spec.diskBytes() + "; they must be equal");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        long blocks = size / BLOCK;
        long written = 0;
        try (FileChannel in = FileChannel.open(disk, StandardOpenOption.READ);
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
            byte[] ovaXml = OvaXml.xml(spec, exported).getBytes(StandardCharsets.UTF_8);
            add(tar, "ova.xml", ovaXml, ovaXml.length, exported);
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            MessageDigest sha1 = sha1();
            for (long index = 0; index < blocks; index++) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, index * BLOCK + buffer.position()) < 0) {
                        throw new IOException("raw disk " + disk + " ended early at block " + index);
                    }
                }
                byte[] block = buffer.array();
                if (index != 0 && index != blocks - 1 && Arrays.equals(block, ZEROS)) {
                    continue;
                }
                String name = OvaXml.VDI_REF + "/" + counter(index);
                add(tar, name, block, BLOCK, exported);
                String checksum = HexFormat.of().formatHex(sha1.digest(block));
                add(tar, name + ".checksum", checksum.getBytes(StandardCharsets.US_ASCII), checksum.length(), exported);
                written++;
            }
            tar.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(blocks, written, Files.size(out));
    }

    /** The 8-digit block name XAPI expects. */
    static String counter(long index) {
        return String.format("%08d", index);
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-1", e);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data, int length, Instant time) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(length);
        entry.setMode(0100644);
        entry.setModTime(time.toEpochMilli());
        tar.putArchiveEntry(entry);
        tar.write(data, 0, length);
        tar.closeArchiveEntry();
    }
}
