package io.hyperlab.cli;

import io.hyperlab.ByteSize;
import io.hyperlab.HyperLabException;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.HostRegistry.StoredHost;
import io.hyperlab.host.NicInfo;
import io.hyperlab.host.Preflight;
import io.hyperlab.host.PreflightReport;
import io.hyperlab.host.RequirementCheck;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyperlab host add|list|info|preflight|remove}: the hypervisor hosts HyperLab manages. */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Add, list, inspect, check and remove hypervisor hosts.",
    subcommands = {HostCommand.Add.class, HostCommand.ListHosts.class, HostCommand.Info.class, HostCommand.Check.class,
        HostCommand.Remove.class})
final class HostCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Connect to a host once, then store it.")
    static final class Add extends HostTask {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Our name for the host.")
        String name;
        @Option(names = "--uri", required = true, paramLabel = "URI",
            description = "qemu:///system, qemu+ssh://user@host/system, qemu+tcp://host/system, test:///default, xapi://host or https://host.")
        String uri;
        @Option(names = "--user", paramLabel = "USER", description = "The user to log in as (XenServer: root).")
        String user;
        @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the password, or - to read it from standard input.")
        Path passwordFile;
        @Option(names = "--fingerprint", paramLabel = "SHA256", description = "The host's TLS certificate fingerprint you confirmed (XenServer).")
        String fingerprint;

        @Override
        void run(HostAccess access) {
            HostConnection host = HostConnection.of(name, uri, user, Passwords.read(passwordFile, System.in),
                fingerprint == null ? null : Fingerprint.parse(fingerprint));
            HostFacts facts = access.registry.connectAndAdd(host, access.log);
            print(Map.of("host", access.registry.describe(host.name()), "facts", facts), "Added host " + host.name() + " ("
                + host.kind().id() + ", " + host.uri() + "): " + facts.product() + " " + facts.version() + " on " + facts.hostname());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored hosts (never their passwords).")
    static final class ListHosts extends HostTask {
        @Override
        void run(HostAccess access) {
            List<StoredHost> hosts = access.registry.list();
            if (json || !hosts.isEmpty()) {
                Table table = new Table("Name", "Kind", "URI", "User", "Password", "Fingerprint");
                for (StoredHost host : hosts) {
                    table.add(host.name(), host.kind().id(), host.uri(), host.user(), host.passwordStored() ? "stored" : "none",
                        host.fingerprint() == null ? "" : host.fingerprint().sha256().substring(0, 23) + "...");
                }
                print(hosts, table.render(""));
            } else {
                print(hosts, "No hosts yet. Add one with: hyperlab host add --name NAME --uri URI");
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show a host's facts: CPU, memory, storage, NICs, networks.")
    static final class Info extends HostTask {
        @Parameters(paramLabel = "NAME", description = "The stored host.")
        String name;

        @Override
        void run(HostAccess access) {
            HostFacts facts;
            try (HostDriver driver = access.driver(name)) {
                facts = driver.facts();
            }
            print(facts, render(name, facts));
        }
    }

    @Command(name = "preflight", mixinStandardHelpOptions = true,
        description = "Check a host against the study's requirements for its hypervisor; exit 1 if one fails.")
    static final class Check extends HostTask {
        @Parameters(paramLabel = "NAME", description = "The stored host.")
        String name;

        @Override
        void run(HostAccess access) {
            PreflightReport report;
            try (HostDriver driver = access.driver(name)) {
                report = Preflight.check(driver.connection(), driver.facts());
            }
            Table table = new Table("Requirement", "Verdict", "Measured", "Rule");
            for (RequirementCheck check : report.checks()) {
                table.add(check.requirement(), check.verdict().id(), check.measured() == null ? "unknown" : check.measured(), check.rule());
            }
            print(Map.of("host", report.host(), "requirements_of", report.hypervisor(), "checks", report.checks(),
                "overall", report.overall()), "Host " + name + " against the study's " + report.hypervisor() + " requirements:\n\n"
                + table.render("  ") + "\nOverall: " + report.overall().id());
            if (report.overall() == Verdict.FAIL) {
                throw new HyperLabException("host " + name + " fails " + report.checks().stream()
                    .filter(c -> c.verdict() == Verdict.FAIL).map(RequirementCheck::requirement).toList() + " of the study's requirements");
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a stored host (nothing on the host changes).")
    static final class Remove extends HostTask {
        @Parameters(paramLabel = "NAME", description = "The stored host.")
        String name;

        @Override
        void run(HostAccess access) {
            access.log.record(name, "host remove", Map.of("name", name), () -> access.registry.remove(name));
            print(Map.of("removed", name), "Removed host " + name + ".");
        }
    }

    static String render(String name, HostFacts facts) {
        StringBuilder out = new StringBuilder();
        out.append("Host ").append(name).append(": ").append(facts.hostname()).append(", ").append(facts.product()).append(' ')
            .append(facts.version()).append('\n');
        var cpu = facts.cpu();
        out.append("  CPU:     ").append(cpu.model() == null ? "unknown model" : cpu.model()).append(", ").append(cpu.architecture())
            .append(", ").append(cpu.sockets()).append(" socket(s) x ").append(cpu.coresPerSocket()).append(" core(s) x ")
            .append(cpu.threadsPerCore()).append(" thread(s) = ").append(cpu.logicalCpus()).append(" CPUs")
            .append(cpu.mhz() == null ? "" : ", " + cpu.mhz() + " MHz").append('\n');
        out.append("  Virtualization: ").append(cpu.virtualizationExtensions().isEmpty() ? "not seen"
            : String.join(", ", cpu.virtualizationExtensions())).append('\n');
        out.append("  Memory:  ").append(ByteSize.format(facts.memoryTotalBytes())).append(" total")
            .append(facts.memoryFreeBytes() == null ? "" : ", " + ByteSize.format(facts.memoryFreeBytes()) + " free").append("\n\n");
        Table storage = new Table("Storage", "Type", "Location", ">Size", ">Free", "Active");
        for (StorageInfo pool : facts.storage()) {
            storage.add(pool.name(), pool.type(), pool.location(), ByteSize.format(pool.capacityBytes()), ByteSize.format(pool.freeBytes()),
                pool.active() ? "yes" : "no");
        }
        out.append(storage.render("  ")).append('\n');
        Table nics = new Table("NIC", "MAC", ">Speed", "Link");
        for (NicInfo nic : facts.nics()) {
            nics.add(nic.name(), nic.mac(), nic.speedMbps() == null ? "unknown" : nic.speedMbps() + " Mbit/s",
                nic.linkUp() == null ? "unknown" : nic.linkUp() ? "up" : "down");
        }
        out.append(nics.render("  ")).append('\n');
        out.append(NetworkCommand.table(facts.networks()).render("  "));
        return out.toString();
    }
}
