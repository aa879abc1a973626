package io.hyperlab.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.FileWrites;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.appliance.Ipv4;
import io.hyperlab.appliance.NetworkChange;
import io.hyperlab.appliance.NetworkMode;
import io.hyperlab.appliance.NetworkRequestFile;
import io.hyperlab.appliance.PowerAction;
import io.hyperlab.appliance.RootHelper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The appliance's root helper: carries out what the daemon (which runs as an unprivileged user)
 * asks of the system by writing files in {@code DATA/system/}. Run as root by a systemd path unit
 * whenever a request appears.
 * <ul>
 * <li>{@code network.json}: DHCP or a static address, checked again with the daemon's own checker
 * ({@link NetworkRequestFile#parse}, against this machine's interfaces), written
 * as the systemd-networkd file {@value #STATIC_FILE} (which wins over the image's DHCP default) or
 * that file removed for DHCP, applied with networkctl; the outcome goes to {@code network.result.json}
 * ({@code {"requestId", "ok", "error"}}). When it cannot be applied the previous settings come back.</li>
 * <li>{@code power} holding {@code reboot} or {@code poweroff}: that, at once (not when it was
 * written before this boot).</li>
 * </ul>
 * {@code network.json} stays where it is (the daemon reads it back to report the last change): a
 * request whose {@code requestId} already has its answer in {@code network.result.json} is not
 * applied again, so the helper may run any number of times. {@code power} is removed before the
 * machine goes down, so it is not done again at the next boot. Anything else is refused and logged.
 * The files come from a less trusted user, so the folder and files are opened without following
 * links (relative to the folder, which cannot be swapped under the helper) and must be small
 * regular files; what does not parse as JSON never reaches a message (the checker quotes a bad
 * field's value only cut short, as the API does).
 */
public final class SystemRequests {
    public static final String FOLDER = RootHelper.FOLDER;
    public static final String NETWORK = RootHelper.NETWORK_REQUEST;
    public static final String NETWORK_RESULT = RootHelper.NETWORK_RESULT;
    public static final String POWER = RootHelper.POWER;
    /** The systemd-networkd file of the static address, the same the first boot writes from xenstore or a NoCloud seed. */
    public static final String STATIC_FILE = "10-hyperlab-static.network";
    static final int MAX_REQUEST_BYTES = 16 * 1024;
    /** Passes over the folder in one run at most (each acts on a new request; more would mean a flood). */
    static final int MAX_PASSES = 10;
    private static final ObjectMapper STRICT = Json.MAPPER.copy()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A request id that may be echoed in the answer even when the request is refused. */
    private static final Pattern ECHOED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Path data;
    private final Path networkDir;
    private final SystemHost host;
    private final Duration applyWait;
    private final Consumer<String> log;

    /**
     * @param data       the daemon's data folder (its {@value #FOLDER}/ holds the requests)
     * @param networkDir systemd-networkd's folder, /etc/systemd/network on the appliance
     * @param applyWait  how long a static address may take to show on its interface
     * @param log        where each decision is told (the journal, through standard error)
     */
    public SystemRequests(Path data, Path networkDir, SystemHost host, Duration applyWait, Consumer<String> log) {
        this.data = data;
        this.networkDir = networkDir;
        this.host = host;
        this.applyWait = applyWait;
        this.log = log;
    }

    /**
     * Handles the requests waiting, the network settings first, then power, and looks again until
     * a pass finds nothing new: systemd's path unit does not start the helper again for a
     * network.json renamed into place while it runs (a known limit of PathChanged=), so what
     * arrives meanwhile is handled here. (power is watched with PathExists=, which systemd checks
     * again when the helper ends.)
     */
    public void handle() throws IOException {
        for (int pass = 0; pass < MAX_PASSES && handleOnce(); pass++) {
            continue;
        }
    }

    /** One pass over the folder; whether it found a request to act on. */
    private boolean handleOnce() throws IOException {
        try (DirectoryStream<Path> dataStream = Files.newDirectoryStream(data)) {
            if (!(dataStream instanceof SecureDirectoryStream<Path> secureData)) {
                throw new IOException("this system cannot open " + data + " safely (no SecureDirectoryStream); nothing is done");
            }
            Optional<BasicFileAttributes> folder = attributes(secureData, FOLDER);
            if (folder.isEmpty()) {
                log.accept("no request folder " + data.resolve(FOLDER) + ": nothing to do");
                return false;
            }
            if (!folder.get().isDirectory()) {
                log.accept("refused: " + data.resolve(FOLDER) + " is not a folder (a link or a file); nothing is done");
                return false;
            }
            try (SecureDirectoryStream<Path> requests = secureData.newDirectoryStream(Path.of(FOLDER), LinkOption.NOFOLLOW_LINKS)) {
                List<String> names = new ArrayList<>();
                requests.forEach(entry -> names.add(entry.getFileName().toString()));
                for (String name : names) {
                    if (!Set.of(NETWORK, NETWORK_RESULT, POWER).contains(name) && !name.startsWith(".") && !name.endsWith(".tmp")) {
                        log.accept("refused: unknown request file " + FOLDER + "/" + Ipv4.shown(name) + " (left as it is)");
                    }
                }
                boolean acted = names.contains(NETWORK) && network(requests);
                if (names.contains(POWER)) {
                    power(requests);
                    acted = true;
                }
                return acted;
            }
        }
    }

    /** Answers network.json unless its request was answered already; whether it did. */
    private boolean network(SecureDirectoryStream<Path> requests) throws IOException {
        JsonNode id = null;
        String error;
        try {
            JsonNode request = parse(read(requests, NETWORK));
            id = requestId(request);
            if (id != null && id.equals(answered(requests))) {
                log.accept("network request " + id.asText() + ": answered already, nothing to do");
                return false;
            }
            TreeSet<String> interfaces = new TreeSet<>(host.interfaces());
            interfaces.remove("lo");
            // The JSON as parsed here (strictly, never quoted in a message), checked by the daemon's own checker.
            NetworkRequestFile checked = NetworkRequestFile.parse(request.toString(), interfaces);
            log.accept("network request " + checked.requestId() + ": " + describe(checked.change()));
            String failure = apply(checked);
            error = failure == null ? null : "failed: " + failure;
        } catch (InvalidInputException e) {
            error = "refused: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            error = "failed: " + e.getMessage();
        }
        log.accept("network request " + (id == null ? "(no id)" : id.asText()) + (error == null ? ": applied" : " " + error));
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("requestId", id);
        result.put("ok", error == null);
        result.put("error", error);
        write(requests, NETWORK_RESULT, Json.MAPPER.writeValueAsString(result) + "\n");
        return true;
    }

    /** The request's id as the daemon wrote it, when it is text that may go back in the answer; else null. */
    static JsonNode requestId(JsonNode request) {
        JsonNode id = request == null ? null : request.get(NetworkRequestFile.REQUEST_ID);
        return id != null && id.isTextual() && ECHOED_ID.matcher(id.asText()).matches() ? id : null;
    }

    private static String describe(NetworkChange change) {
        return change.mode() == NetworkMode.DHCP ? "DHCP"
            : "static " + change.address() + " on " + change.interfaceName() + ", gateway " + change.gateway()
                + (change.dns().isEmpty() ? "" : ", DNS " + change.dns());
    }

    /** The systemd-networkd file of a static address (DHCP needs none: the image's default file does it). */
    static String networkdFile(NetworkRequestFile request) {
        NetworkChange change = request.change();
        if (change.mode() != NetworkMode.STATIC) {
            throw new IllegalStateException("a DHCP request has no file of its own");
        }
        StringBuilder file = new StringBuilder()
            .append("# Written by HyperLab's system helper for request ").append(request.requestId())
            .append(": the management interface's static address.\n")
            .append("[Match]\nName=").append(change.interfaceName()).append("\n\n[Network]\nAddress=").append(change.address())
            .append("\nGateway=").append(change.gateway()).append('\n');
        change.dns().forEach(server -> file.append("DNS=").append(server).append('\n'));
        return file.toString();
    }

    /** Writes or removes the static file and applies it; null when done, else what failed (the previous file is back). */
    private String apply(NetworkRequestFile request) throws IOException {
        NetworkChange change = request.change();
        Path file = networkDir.resolve(STATIC_FILE);
        Optional<String> previous = Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        List<String> interfaces = new ArrayList<>(host.interfaces());
        interfaces.remove("lo");
        if (change.mode() == NetworkMode.STATIC) {
            writeRootFile(file, networkdFile(request));
        } else {
            Files.deleteIfExists(file);
        }
        String failure;
        try {
            host.applyNetwork(interfaces);
            failure = change.mode() == NetworkMode.STATIC && !appears(change)
                ? "systemd-networkd did not put " + change.address() + " on " + change.interfaceName() + " within "
                    + applyWait.toSeconds() + " s"
                : null;
        } catch (IOException e) {
            failure = e.getMessage();
        }
        if (failure == null) {
            return null;
        }
        if (previous.isPresent()) {
            writeRootFile(file, previous.get());
        } else {
            Files.deleteIfExists(file);
        }
        try {
            host.applyNetwork(interfaces);
            return failure + "; the previous settings are back";
        } catch (IOException e) {
            return failure + "; putting the previous settings back failed too: " + e.getMessage();
        }
    }

    private boolean appears(NetworkChange change) throws IOException {
        long deadline = System.nanoTime() + applyWait.toNanos();
        while (true) {
            if (host.hasAddress(change.interfaceName(), change.address())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Takes the power file and does what it asks, unless it was written before this boot: then the
     * machine went down before it was done, and doing it now would reboot or power off a machine
     * just started.
     */
    private void power(SecureDirectoryStream<Path> requests) throws IOException {
        String action;
        Optional<BasicFileAttributes> written = attributes(requests, POWER);
        try {
            action = new String(take(requests, POWER), StandardCharsets.UTF_8).strip();
        } catch (InvalidInputException e) {
            log.accept("power request refused: " + e.getMessage());
            return;
        }
        Instant boot = host.bootTime();
        if (written.isPresent() && written.get().lastModifiedTime().toInstant().isBefore(boot)) {
            log.accept("power request refused: it was written at " + written.get().lastModifiedTime() + ", before this boot at " + boot
                + " (the machine went down before it was done); removed");
            return;
        }
        Optional<PowerAction> known = Arrays.stream(PowerAction.values()).filter(a -> a.id().equals(action)).findFirst();
        if (known.isEmpty()) {
            log.accept("power request refused: '" + Ipv4.shown(action) + "' is not an action; the power file must hold reboot or poweroff");
            return;
        }
        log.accept("power request: " + known.get().id());
        host.power(known.get().id());
    }

    /** The request id of the answer in network.result.json, or null when there is none readable. */
    private static JsonNode answered(SecureDirectoryStream<Path> folder) {
        try {
            return STRICT.readTree(read(folder, NETWORK_RESULT)).get("requestId");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a request file and removes it, whatever it holds. */
    private static byte[] take(SecureDirectoryStream<Path> folder, String name) throws IOException {
        try {
            return read(folder, name);
        } finally {
            try {
                folder.deleteFile(Path.of(name));
            } catch (NoSuchFileException e) {
                // Gone already: nothing to remove.
            }
        }
    }

    /** Reads a file of the request folder; refuses links, other kinds of file and big files. */
    private static byte[] read(SecureDirectoryStream<Path> folder, String name) throws IOException {
        Path entry = Path.of(name);
        BasicFileAttributes attributes = attributes(folder, name)
            .orElseThrow(() -> new InvalidInputException(null, FOLDER + "/" + name + " went away before it was read"));
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException(null, FOLDER + "/" + name + " is not a regular file (a link, folder or device)");
        }
        if (attributes.size() > MAX_REQUEST_BYTES) {
            throw new InvalidInputException(null, FOLDER + "/" + name + " is " + attributes.size() + " bytes, more than "
                + MAX_REQUEST_BYTES + " allowed");
        }
        try (SeekableByteChannel channel = folder.newByteChannel(entry, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_REQUEST_BYTES + 1);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                continue;
            }
            if (!buffer.hasRemaining()) {
                throw new InvalidInputException(null, FOLDER + "/" + name + " is more than " + MAX_REQUEST_BYTES + " bytes");
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            // Jackson's own message quotes the text: never echo what the file holds.
            throw new InvalidInputException(null, NETWORK + " is not valid JSON" + (where == null ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidInputException(null, NETWORK + " cannot be read as JSON");
        }
    }

    private static Optional<BasicFileAttributes> attributes(SecureDirectoryStream<Path> folder, String name) throws IOException {
        try {
            return Optional.of(folder.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes a result readable by the daemon: a new file under a random name, then renamed over the old one. */
    private static void write(SecureDirectoryStream<Path> folder, String name, String content) throws IOException {
        Path temporary = Path.of("." + name + "." + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try (SeekableByteChannel channel = folder.newByteChannel(temporary,
            Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        folder.move(temporary, folder, Path.of(name));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A file in root's own folder (networkd's), written whole and renamed into place. */
    private static void writeRootFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        FileWrites.replace(file, file.getParent(), "rw-r--r--", content);
    }
}
