package io.hyperlab.bench.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory figures of /proc/meminfo: the total the kernel sees and what it could give a new
 * process without swapping. A figure the file lacks is 0.
 */
public record MemInfo(long totalBytes, long availableBytes) {

    /** The figures of the machine this process runs on. */
    public static MemInfo local() {
        return read(Path.of("/"));
    }

    static MemInfo read(Path root) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve("proc/meminfo"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new MemInfo(0, 0);
        }
        return new MemInfo(kibibytes(lines, "MemTotal:") * 1024, kibibytes(lines, "MemAvailable:") * 1024);
    }

    private static long kibibytes(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return 0;
    }
}
