package io.hyperlab.host;

/** An ISO image by library (pool or SR name) and file name, e.g. library "isos", ISO "debian-12.iso". */
public record IsoRef(String library, String iso) {
    public IsoRef {
        Names.requireLabel("ISO library", library);
        Names.requireFileName("ISO name", iso);
    }
}
