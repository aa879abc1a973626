package io.hyperlab.host;

/**
 * A virtual network: name, hypervisor id (UUID), kind, the bridge it uses on the host, the host
 * interface it is bridged to (null if none), its IPv4 address with prefix (libvirt NAT and isolated,
 * else null) and whether it is active.
 */
public record NetworkInfo(String name, String id, NetworkKind kind, String bridge, String hostInterface, String ipv4,
                          boolean active) {
}
