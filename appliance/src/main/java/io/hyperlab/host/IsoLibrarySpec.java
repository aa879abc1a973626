package io.hyperlab.host;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hyperlab.InvalidInputException;
import java.util.regex.Pattern;

/**
 * An ISO library to create: an NFS export ({@code server:/path}), an SMB/CIFS share
 * ({@code //server/share}, optionally with a user and password) or a local folder of the host
 * ({@code /path}, libvirt only). The password never shows in toString or JSON.
 */
public record IsoLibrarySpec(String name, IsoLibraryKind kind, String location, String user,
                             @JsonIgnore Secret password) {
    private static final Pattern NFS = Pattern.compile("([A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\]):(/[^\\s:]*)");
    private static final Pattern CIFS = Pattern.compile("//([A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\])/([^/\\s]+)(/[^\\s]*)?");
    private static final Pattern LOCAL = Pattern.compile("/[^\\x00-\\x1f]*");

    public IsoLibrarySpec {
        Names.require("ISO library name", name);
        if (kind == null) {
            throw new InvalidInputException("the ISO library kind must be given: nfs, cifs or local");
        }
        if (location == null || location.isBlank()) {
            throw new InvalidInputException("the ISO library location must not be empty: " + form(kind));
        }
        location = location.strip();
        if (kind == IsoLibraryKind.CIFS && location.startsWith("\\\\")) {
            location = location.replace('\\', '/');
        }
        Pattern rule = switch (kind) {
            case NFS -> NFS;
            case CIFS -> CIFS;
            case LOCAL -> LOCAL;
        };
        if (!rule.matcher(location).matches() || location.contains("/../") || location.endsWith("/..")) {
            throw new InvalidInputException("ISO library location '" + Names.printable(location) + "' is not a "
                + kind.id() + " location: " + form(kind));
        }
        if (kind != IsoLibraryKind.CIFS && (user != null || password != null)) {
            throw new InvalidInputException("a user and password are for SMB/CIFS shares only, not " + kind.id() + " libraries");
        }
        if (password != null && user == null) {
            throw new InvalidInputException("a share password needs the user it belongs to");
        }
        if (user != null) {
            Names.requireLabel("share user", user);
        }
    }

    /** Where a location points: server (null for a local folder) and path, e.g. srv + isos for //srv/isos, srv + /export for srv:/export. */
    public record Share(String server, String path) {
    }

    public Share share() {
        return switch (kind) {
            case NFS -> {
                int colon = location.lastIndexOf(":/");
                yield new Share(location.substring(0, colon), location.substring(colon + 1));
            }
            case CIFS -> {
                String rest = location.substring(2);
                int slash = rest.indexOf('/');
                yield new Share(rest.substring(0, slash), rest.substring(slash + 1));
            }
            case LOCAL -> new Share(null, location);
        };
    }

    @Override
    public String toString() {
        return "IsoLibrarySpec[name=" + name + ", kind=" + kind.id() + ", location=" + location + ", user=" + user
            + ", password=" + (password == null ? "none" : password) + "]";
    }

    private static String form(IsoLibraryKind kind) {
        return switch (kind) {
            case NFS -> "write server:/exported/path";
            case CIFS -> "write //server/share or //server/share/folder";
            case LOCAL -> "write an absolute folder path of the host, e.g. /var/lib/isos";
        };
    }
}
