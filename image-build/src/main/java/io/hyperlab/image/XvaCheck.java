package io.hyperlab.image;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an XVA back and checks what an importer relies on: {@code ova.xml} first and
 * well-formed, one VM whose references resolve to objects of the right class, and the disk
 * blocks (1 MiB, counters rising, first and last present, SHA-1 matching); optionally, that
 * the blocks put back together equal a raw disk byte for byte.
 */
public final class XvaCheck {
    private static final Pattern REF = Pattern.compile("Ref:\\d+");
    private static final Pattern BLOCK_NAME = Pattern.compile("(Ref:\\d+)/(\\d{8})(\\.checksum)?");
    private static final byte[] ZEROS = new byte[XvaWriter.BLOCK];

    /** What the XVA holds, as read from it. */
    public record Report(String vmName, String vmDescription, int vcpus, long memoryBytes, String firmware,
                         long virtualSize, long blocks, long blocksPresent) {
    }

    private XvaCheck() {
    }

    /** Checks the XVA; with {@code rawDisk}, also that its disk equals that file. */
    public static Report check(Path xva, Optional<Path> rawDisk) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(xva), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(file);
             FileChannel raw = rawDisk.isPresent() ? FileChannel.open(rawDisk.get(), StandardOpenOption.READ) : null) {
            TarArchiveEntry first = tar.getNextEntry();
            if (first == null || !first.getName().equals("ova.xml")) {
                throw new XvaFormatException("the first member is " + (first == null ? "missing" : "'" + first.getName() + "'")
                    + "; an XVA must start with ova.xml");
            }
            Map<String, Object> document = asMap(XmlRpc.decode(new ByteArrayInputStream(tar.readAllBytes())), "ova.xml");
            Objects objects = Objects.of(document);
            Map<String, Object> vm = objects.single("VM");
            Map<String, Object> vbd = objects.single("VBD");
            objects.resolve(vbd, "VM", "VM");
            Map<String, Object> vdi = objects.resolve(vbd, "VDI", "VDI");
            objects.resolve(vdi, "SR", "SR");
            for (Map<String, Object> vif : objects.all("VIF")) {
                objects.resolve(vif, "VM", "VM");
                objects.resolve(vif, "network", "network");
            }
            long virtualSize = number(vdi, "virtual_size");
            if (virtualSize <= 0 || virtualSize % XvaWriter.BLOCK != 0) {
                throw new XvaFormatException("VDI virtual_size " + virtualSize + " is not a positive multiple of 1 MiB");
            }
            if (raw != null && raw.size() != virtualSize) {
                throw new XvaFormatException("VDI virtual_size " + virtualSize + " differs from the raw disk's " + raw.size() + " bytes");
            }
            String vdiRef = objects.refOf(vdi);
            long blocks = virtualSize / XvaWriter.BLOCK;
            long present = readBlocks(tar, vdiRef, blocks, raw);
            Map<String, Object> bootParams = asMap(vm.get("HVM_boot_params"), "VM HVM_boot_params");
            return new Report(string(vm, "name_label"), string(vm, "name_description"),
                (int) number(vm, "VCPUs_max"), number(vm, "memory_static_max"),
                String.valueOf(bootParams.get("firmware")), virtualSize, blocks, present);
        }
    }

    private static long readBlocks(TarArchiveInputStream tar, String vdiRef, long blocks, FileChannel raw) throws IOException {
        MessageDigest sha1 = XvaWriter.sha1();
        ByteBuffer rawBlock = ByteBuffer.allocate(XvaWriter.BLOCK);
        long expectedNext = 0;
        long present = 0;
        byte[] pendingHash = null;
        long pendingIndex = -1;
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            var name = BLOCK_NAME.matcher(entry.getName());
            if (!name.matches() || !name.group(1).equals(vdiRef)) {
                throw new XvaFormatException("unexpected member '" + entry.getName() + "'; allowed after ova.xml: "
                    + vdiRef + "/NNNNNNNN and " + vdiRef + "/NNNNNNNN.checksum");
            }
            long index = Long.parseLong(name.group(2));
            byte[] data = tar.readAllBytes();
            if (name.group(3) != null) {
                if (pendingHash == null || index != pendingIndex) {
                    throw new XvaFormatException(entry.getName() + " does not follow its block");
                }
                String expected = HexFormat.of().formatHex(pendingHash);
                String stored = new String(data, StandardCharsets.US_ASCII);
                if (!stored.equals(expected)) {
                    throw new XvaFormatException(entry.getName() + " says " + stored + " but the block's SHA-1 is " + expected);
                }
                pendingHash = null;
                continue;
            }
            if (pendingHash != null) {
                throw new XvaFormatException("block " + XvaWriter.counter(pendingIndex) + " has no .checksum after it");
            }
            if (index < expectedNext || index >= blocks) {
                throw new XvaFormatException("block counter " + entry.getName() + " is out of order or past the disk's "
                    + blocks + " blocks; counters must rise from " + XvaWriter.counter(expectedNext));
            }
            if (expectedNext == 0 && index != 0) {
                throw new XvaFormatException("the first block present is " + entry.getName() + "; block 00000000 must be present");
            }
            if (data.length != XvaWriter.BLOCK) {
                throw new XvaFormatException(entry.getName() + " has " + data.length + " bytes; blocks must be 1 MiB");
            }
            if (raw != null) {
                for (long skipped = expectedNext; skipped < index; skipped++) {
                    compare(raw, rawBlock, skipped, ZEROS);
                }
                compare(raw, rawBlock, index, data);
            }
            pendingHash = sha1.digest(data);
            pendingIndex = index;
            expectedNext = index + 1;
            present++;
        }
        if (pendingHash != null) {
            throw new XvaFormatException("block " + XvaWriter.counter(pendingIndex) + " has no .checksum after it");
        }
        if (expectedNext != blocks) {
            throw new XvaFormatException("the last block present is " + XvaWriter.counter(expectedNext - 1)
                + "; the disk's last block " + XvaWriter.counter(blocks - 1) + " must be present");
        }
        return present;
    }

    private static void compare(FileChannel raw, ByteBuffer buffer, long index, byte[] expected) throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            if (raw.read(buffer, index * XvaWriter.BLOCK + buffer.position()) < 0) {
                throw new XvaFormatException("the raw disk ends before block " + XvaWriter.counter(index));
            }
        }
        if (!Arrays.equals(buffer.array(), expected)) {
            throw new XvaFormatException("block " + XvaWriter.counter(index) + " differs from the raw disk");
        }
    }

    /** The objects of ova.xml by id, and the typed references between them. */
    private record Objects(Map<String, Map<String, Object>> byId, Map<String, String> classOf) {
        static Objects of(Map<String, Object> document) throws XvaFormatException {
            Map<String, Object> version = asMap(document.get("version"), "ova.xml version");
            if (!"2".equals(String.valueOf(version.get("export_vsn")))) {
                throw new XvaFormatException("ova.xml export_vsn is " + version.get("export_vsn") + "; this checker reads 2");
            }
            Map<String, Map<String, Object>> byId = new HashMap<>();
            Map<String, String> classOf = new HashMap<>();
            for (Object item : asList(document.get("objects"), "ova.xml objects")) {
                Map<String, Object> object = asMap(item, "ova.xml object");
                String id = String.valueOf(object.get("id"));
                if (byId.put(id, asMap(object.get("snapshot"), "snapshot of " + id)) != null) {
                    throw new XvaFormatException("ova.xml has two objects with id " + id);
                }
                classOf.put(id, String.valueOf(object.get("class")));
            }
            Objects objects = new Objects(byId, classOf);
            for (var entry : byId.entrySet()) {
                objects.checkRefsResolve(entry.getKey(), entry.getValue());
            }
            return objects;
        }

        List<Map<String, Object>> all(String kind) {
            List<Map<String, Object>> found = new ArrayList<>();
            classOf.forEach((id, c) -> {
                if (c.equals(kind)) {
                    found.add(byId.get(id));
                }
            });
            return found;
        }

        Map<String, Object> single(String kind) throws XvaFormatException {
            List<Map<String, Object>> found = all(kind);
            if (found.size() != 1) {
                throw new XvaFormatException("ova.xml has " + found.size() + " " + kind + " objects; expected exactly one");
            }
            return found.get(0);
        }

        Map<String, Object> resolve(Map<String, Object> from, String field, String kind) throws XvaFormatException {
            String ref = String.valueOf(from.get(field));
            if (!kind.equals(classOf.get(ref))) {
                throw new XvaFormatException("field " + field + " refers to " + ref + ", which is a "
                    + classOf.get(ref) + ", not a " + kind);
            }
            return byId.get(ref);
        }

        String refOf(Map<String, Object> snapshot) {
            return byId.entrySet().stream().filter(e -> e.getValue() == snapshot).findFirst().orElseThrow().getKey();
        }

        private void checkRefsResolve(String owner, Object value) throws XvaFormatException {
            if (value instanceof Map<?, ?> map) {
                for (Object member : map.values()) {
                    checkRefsResolve(owner, member);
                }
            } else if (value instanceof List<?> list) {
                for (Object member : list) {
                    checkRefsResolve(owner, member);
                }
            } else if (value instanceof String text && REF.matcher(text).matches() && !byId.containsKey(text)) {
                throw new XvaFormatException("object " + owner + " refers to " + text + ", which ova.xml does not hold");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) throws XvaFormatException {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new XvaFormatException(what + " is not an XML-RPC struct");
    }

    private static List<?> asList(Object value, String what) throws XvaFormatException {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new XvaFormatException(what + " is not an XML-RPC array");
    }

    private static String string(Map<String, Object> record, String field) throws XvaFormatException {
        Object value = record.get(field);
        if (value == null) {
            throw new XvaFormatException("field " + field + " is missing");
        }
        return value.toString();
    }

    private static long number(Map<String, Object> record, String field) throws XvaFormatException {
        String text = string(record, field);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new XvaFormatException("field " + field + " is '" + text + "', not a whole number");
        }
    }
}
