package io.hyperlab.host;

/** How a VM's firmware boots: legacy BIOS or UEFI (OVMF on KVM). */
public enum BootMode implements Choice {
    BIOS,
    UEFI;

    public static BootMode parse(String text) {
        return Names.choice("boot mode", text, values());
    }
}
