package io.hyperlab.host;

import java.util.Locale;

/** Where an ISO library keeps its images: an NFS export, an SMB/CIFS share, or a local folder of the host. */
public enum IsoLibraryKind implements Choice {
    NFS,
    CIFS,
    LOCAL;

    /** Reads the kind as users type it; also accepts smb (CIFS) and dir (LOCAL). */
    public static IsoLibraryKind parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "smb" -> CIFS;
            case "dir" -> LOCAL;
            default -> Names.choice("ISO library kind", text, values());
        };
    }
}
