package io.hyperlab.image.boot;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** QEMU's human monitor (HMP) on a Unix socket: commands and the VGA text screen. */
final class Monitor implements AutoCloseable {
    private static final String PROMPT = "(qemu) ";
    private static final Pattern XP_LINE = Pattern.compile("^[0-9a-f]+:((?: 0x[0-9a-f]{4})+)", Pattern.MULTILINE);
    private final SocketChannel channel;

    private Monitor(SocketChannel channel) {
        this.channel = channel;
    }

    static Monitor connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        Monitor monitor = new Monitor(channel);
        monitor.readToPrompt();
        return monitor;
    }

    String command(String line) throws IOException {
        channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
        return readToPrompt();
    }

    /**
     * The characters of the VGA text memory (0xB8000, 32 KiB: every page the Linux VGA
     * console may scroll through), as lines of 80 columns. Under BIOS this is what tty1 shows.
     */
    String vgaText() throws IOException {
        String dump = command("xp /16384hx 0xb8000");
        StringBuilder text = new StringBuilder();
        Matcher line = XP_LINE.matcher(dump);
        int column = 0;
        while (line.find()) {
            for (String cell : line.group(1).trim().split(" ")) {
                int character = Integer.parseInt(cell.substring(4), 16);
                text.append(character >= 32 && character < 127 ? (char) character : ' ');
                if (++column == 80) {
                    text.append('\n');
                    column = 0;
                }
            }
        }
        return text.toString();
    }

    private String readToPrompt() throws IOException {
        StringBuilder out = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        while (!out.toString().endsWith(PROMPT)) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                throw new IOException("the QEMU monitor closed");
            }
            out.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
