package io.hyperlab.image.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A cloud-init NoCloud seed: a small FAT disk labelled CIDATA, written with mtools (no mount). */
final class Seed {
    private Seed() {
    }

    /** Any argument may be null: that part is left out of the seed. */
    static Path write(Path image, String sshKey, String password, String address, String gateway, String dns)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(image.getParent(), "seed");
        StringBuilder userData = new StringBuilder("#cloud-config\n");
        if (password != null) {
            userData.append("password: ").append(password).append('\n');
        }
        if (sshKey != null) {
            userData.append("ssh_authorized_keys:\n  - ").append(sshKey).append('\n');
        }
        Files.writeString(dir.resolve("user-data"), userData);
        Files.writeString(dir.resolve("meta-data"), "instance-id: boot-test\nlocal-hostname: hyperlab\n");
        String[] files = {dir.resolve("user-data").toString(), dir.resolve("meta-data").toString()};
        if (address != null) {
            Files.writeString(dir.resolve("network-config"), "version: 2\nethernets:\n  nic:\n    match:\n      name: \"en*\"\n"
                + "    addresses: [" + address + "]\n    gateway4: " + gateway + "\n"
                + "    nameservers:\n      addresses: [" + dns + "]\n");
            files = new String[] {files[0], files[1], dir.resolve("network-config").toString()};
        }
        Files.deleteIfExists(image);
        Tools.run(Duration.ofSeconds(30), "mkfs.vfat", "-n", "CIDATA", "-C", image.toString(), "2048");
        String[] copy = new String[files.length + 4];
        copy[0] = "mcopy";
        copy[1] = "-i";
        copy[2] = image.toString();
        System.arraycopy(files, 0, copy, 3, files.length);
        copy[copy.length - 1] = "::";
        Tools.run(Duration.ofSeconds(30), copy);
        Tools.deleteTree(dir);
        return image;
    }
}
