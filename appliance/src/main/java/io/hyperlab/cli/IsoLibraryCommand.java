package io.hyperlab.cli;

import io.hyperlab.ByteSize;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.StorageInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyperlab iso-library add|list|isos|rescan|remove --host NAME}: where a host finds install ISOs. */
@Command(name = "iso-library", mixinStandardHelpOptions = true, description = "Add, list, scan and remove ISO libraries on a host.",
    subcommands = {IsoLibraryCommand.Add.class, IsoLibraryCommand.ListLibraries.class, IsoLibraryCommand.Isos.class,
        IsoLibraryCommand.Rescan.class, IsoLibraryCommand.Remove.class})
final class IsoLibraryCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add an ISO library: an NFS export, an SMB/CIFS share, or a local folder of a libvirt host.")
    static final class Add extends VmCommand.OnHost {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The library's name.")
        String name;
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "nfs, cifs (smb) or local (dir).")
        String kind;
        @Option(names = "--location", required = true, paramLabel = "WHERE",
            description = "nfs: server:/path; cifs: //server/share; local: /folder/on/the/host.")
        String location;
        @Option(names = "--user", paramLabel = "USER", description = "SMB/CIFS user (default: guest access).")
        String user;
        @Option(names = "--password-file", paramLabel = "FILE", description = "SMB/CIFS password in a file, or - for standard input.")
        Path passwordFile;

        @Override
        void run(HostAccess access) {
            IsoLibrarySpec library = new IsoLibrarySpec(name, IsoLibraryKind.parse(kind), location, user,
                Passwords.read(passwordFile, System.in));
            StorageInfo made;
            try (HostDriver driver = access.driver(host)) {
                made = driver.createIsoLibrary(library);
            }
            print(made, "Added ISO library " + made.name() + " (" + made.type() + ", " + made.location() + ") on host " + host + ".");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the host's ISO libraries.")
    static final class ListLibraries extends VmCommand.OnHost {
        @Override
        void run(HostAccess access) {
            List<StorageInfo> libraries;
            try (HostDriver driver = access.driver(host)) {
                libraries = driver.listIsoLibraries();
            }
            Table table = new Table("Library", "Type", "Location", ">Size", ">Free", "Active");
            for (StorageInfo library : libraries) {
                table.add(library.name(), library.type(), library.location(), ByteSize.format(library.capacityBytes()),
                    ByteSize.format(library.freeBytes()), library.active() ? "yes" : "no");
            }
            print(libraries, libraries.isEmpty() ? "Host " + host + " has no ISO libraries." : table.render(""));
        }
    }

    /** Lists a library's ISOs, after a new scan of its share or not. */
    abstract static class IsoListing extends VmCommand.OnHost {
        @Parameters(paramLabel = "LIBRARY", description = "The ISO library.")
        String library;

        abstract boolean rescan();

        @Override
        void run(HostAccess access) {
            List<IsoImage> isos;
            try (HostDriver driver = access.driver(host)) {
                isos = rescan() ? driver.rescanIsoLibrary(library) : driver.listIsos(library);
            }
            print(isos, isos.isEmpty() ? "ISO library " + library + " holds no ISO images." : table(isos));
        }

        private static String table(List<IsoImage> isos) {
            Table table = new Table("ISO", ">Size");
            isos.forEach(iso -> table.add(iso.name(), ByteSize.format(iso.sizeBytes())));
            return table.render("");
        }
    }

    @Command(name = "isos", mixinStandardHelpOptions = true, description = "List the ISO images of a library.")
    static final class Isos extends IsoListing {
        @Override
        boolean rescan() {
            return false;
        }
    }

    @Command(name = "rescan", mixinStandardHelpOptions = true, description = "Scan a library again for ISOs added to its share.")
    static final class Rescan extends IsoListing {
        @Override
        boolean rescan() {
            return true;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a library from the host; its files stay on the share.")
    static final class Remove extends VmCommand.OnHost {
        @Parameters(paramLabel = "LIBRARY", description = "The ISO library.")
        String library;

        @Override
        void run(HostAccess access) {
            try (HostDriver driver = access.driver(host)) {
                driver.deleteIsoLibrary(library);
            }
            print(Map.of("removed", library), "Removed ISO library " + library + " from host " + host + "; its files were kept.");
        }
    }
}
