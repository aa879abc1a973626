package io.hyperlab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files written whole: a reader sees the old content or the new one, never a part. */
public final class FileWrites {
    private FileWrites() {
    }

    /**
     * Writes {@code content} to a new file in {@code temporaryFolder} (same file system as
     * {@code file}) with the POSIX mode {@code mode} (e.g. {@code rw-------}), flushes it to disk,
     * then renames it over {@code file} in one step. The temporary file is named
     * {@code .NAME.RANDOM.tmp}, so a watcher of {@code file}'s folder can tell it apart.
     */
    public static void replace(Path file, Path temporaryFolder, String mode, String content) throws IOException {
        Path temporary = Files.createTempFile(temporaryFolder, "." + file.getFileName() + ".", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
