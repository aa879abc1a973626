package io.hyperlab.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image build's XVA step.
 * <pre>
 *   write --disk RAW --out FILE.xva --name NAME --description TEXT [--vcpus N] [--memory-mib N] [--firmware bios|uefi]
 *   check FILE.xva [--disk RAW]
 * </pre>
 * Exit codes: 0 done, 1 the XVA is invalid or an I/O error, 2 bad usage.
 */
public final class XvaTool {
    private static final List<String> WRITE_OPTIONS =
        List.of("--disk", "--out", "--name", "--description", "--vcpus", "--memory-mib", "--firmware");

    private XvaTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("no command; allowed: write, check");
            }
            List<String> rest = List.of(args).subList(1, args.length);
            switch (args[0]) {
                case "write" -> write(options(rest, WRITE_OPTIONS));
                case "check" -> check(rest);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'; allowed: write, check");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("xva: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("xva: " + e.getMessage());
            return 1;
        }
    }

    private static void write(Map<String, String> options) throws IOException {
        Path disk = Path.of(required(options, "--disk"));
        if (!Files.isRegularFile(disk)) {
            throw new IllegalArgumentException("--disk " + disk + " is not a file; give the raw disk image");
        }
        VmSpec spec = new VmSpec(required(options, "--name"), required(options, "--description"),
            integer(options.getOrDefault("--vcpus", "2"), "--vcpus"),
            integer(options.getOrDefault("--memory-mib", "1024"), "--memory-mib") * VmSpec.MIB,
            firmware(options.getOrDefault("--firmware", "bios")), Files.size(disk));
        Path out = Path.of(required(options, "--out"));
        XvaWriter.Written written = XvaWriter.write(disk, spec, out, Instant.now());
        System.out.printf("xva: wrote %s: %d of %d blocks, %d bytes%n", out, written.blocksWritten(), written.blocks(), written.bytes());
    }

    private static void check(List<String> args) throws IOException {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("check needs the XVA file first: check FILE.xva [--disk RAW]");
        }
        Map<String, String> options = options(args.subList(1, args.size()), List.of("--disk"));
        Optional<Path> raw = Optional.ofNullable(options.get("--disk")).map(Path::of);
        XvaCheck.Report report = XvaCheck.check(Path.of(args.get(0)), raw);
        System.out.printf("xva: %s is valid: VM '%s', %d vCPUs, %d MiB, %s, disk %d MiB (%d of %d blocks stored)%s%n",
            args.get(0), report.vmName(), report.vcpus(), report.memoryBytes() / VmSpec.MIB, report.firmware(),
            report.virtualSize() / VmSpec.MIB, report.blocksPresent(), report.blocks(),
            raw.isPresent() ? "; equals " + raw.get() + " byte for byte" : "");
    }

    private static Map<String, String> options(List<String> args, List<String> allowed) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'; allowed: " + String.join(", ", allowed));
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            options.put(name, args.get(i + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option " + name + " is required");
        }
        return value;
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a whole number");
        }
    }

    private static VmSpec.Firmware firmware(String text) {
        return switch (text) {
            case "bios" -> VmSpec.Firmware.BIOS;
            case "uefi" -> VmSpec.Firmware.UEFI;
            default -> throw new IllegalArgumentException("--firmware '" + text + "' is not allowed; allowed: bios, uefi");
        };
    }
}
