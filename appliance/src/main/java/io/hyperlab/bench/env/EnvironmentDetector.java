package io.hyperlab.bench.env;

import io.hyperlab.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Detects the {@link Environment} from procfs, sysfs and DMI, without root. Every file is read
 * under a root directory, so tests can point it at sample trees of other machines.
 */
public final class EnvironmentDetector {
    private final Path root;

    public EnvironmentDetector(Path root) {
        this.root = root;
    }

    /** The detector for the machine this process runs on. */
    public static EnvironmentDetector local() {
        return new EnvironmentDetector(Path.of("/"));
    }

    public Environment detect() {
        String hypervisor = hypervisor();
        return new Environment(
            hypervisor,
            guestType(hypervisor),
            cpuModel(),
            cpuCount(),
            memoryBytes(),
            read("proc/sys/kernel/osrelease").orElse(null),
            osName(),
            read("proc/sys/kernel/hostname").or(() -> read("etc/hostname")).orElse(null),
            Version.current(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /**
     * Xen announces itself in /sys/hypervisor; KVM through its paravirtual clock; the others
     * through the DMI vendor they give the virtual machine. A CPU "hypervisor" flag with
     * none of those is an unknown hypervisor.
     */
    String hypervisor() {
        if (read("sys/hypervisor/type").filter("xen"::equals).isPresent() || Files.exists(root.resolve("proc/xen"))) {
            return "Xen";
        }
        if (read("sys/devices/system/clocksource/clocksource0/available_clocksource")
            .filter(sources -> List.of(sources.split("\\s+")).contains("kvm-clock")).isPresent()) {
            return "KVM";
        }
        String vendor = read("sys/class/dmi/id/sys_vendor").orElse("") + " "
            + read("sys/class/dmi/id/product_name").orElse("") + " "
            + read("sys/class/dmi/id/bios_vendor").orElse("");
        String dmi = vendor.toLowerCase(Locale.ROOT);
        if (dmi.contains("vmware")) {
            return "VMware";
        }
        if (dmi.contains("microsoft corporation") && dmi.contains("virtual machine")) {
            return "Hyper-V";
        }
        if (dmi.contains("virtualbox") || dmi.contains("innotek")) {
            return "VirtualBox";
        }
        if (dmi.contains("qemu") || dmi.contains("kvm")) {
            return "KVM";
        }
        if (dmi.contains("xen")) {
            return "Xen";
        }
        if (cpuFlags().contains("hypervisor")) {
            return "other";
        }
        return Environment.NONE;
    }

    /**
     * Linux publishes a Xen guest's type in /sys/hypervisor/guest_type; older kernels do not,
     * so a Xen guest with DMI tables (firmware) is HVM and one without is PV. A Xen control
     * domain is dom0. KVM guests are always fully virtualized (HVM).
     */
    String guestType(String hypervisor) {
        return switch (hypervisor) {
            case "Xen" -> {
                if (read("proc/xen/capabilities").filter(c -> c.contains("control_d")).isPresent()) {
                    yield "dom0";
                }
                Optional<String> published = read("sys/hypervisor/guest_type");
                if (published.isPresent()) {
                    yield published.get().toUpperCase(Locale.ROOT);
                }
                yield Files.isDirectory(root.resolve("sys/class/dmi/id")) ? "HVM" : "PV";
            }
            case "KVM" -> "HVM";
            default -> null;
        };
    }

    private String cpuModel() {
        for (String line : lines("proc/cpuinfo")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).trim();
                if (key.equals("model name") || key.equals("Model") || key.equals("cpu model")) {
                    return line.substring(colon + 1).trim();
                }
            }
        }
        return null;
    }

    private int cpuCount() {
        long processors = lines("proc/cpuinfo").stream().filter(line -> line.startsWith("processor")).count();
        return (int) processors;
    }

    private String cpuFlags() {
        return lines("proc/cpuinfo").stream()
            .filter(line -> line.startsWith("flags"))
            .findFirst()
            .orElse("");
    }

    private long memoryBytes() {
        return MemInfo.read(root).totalBytes();
    }

    private String osName() {
        for (String line : lines("etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "").trim();
            }
        }
        return null;
    }

    private Optional<String> read(String relative) {
        try {
            String text = Files.readString(root.resolve(relative), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private List<String> lines(String relative) {
        try {
            return Files.readAllLines(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
