package io.hyperlab.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The appliance's network as its OS has it: every interface but loopback, the management
 * interface (the default route's), how it gets its address, the default gateway and the DNS
 * servers; and the last change asked of the root helper, when there was one.
 *
 * @param managementInterface the default route's interface, else the first non-loopback one that is up; null when none
 * @param gateway             the IPv4 default gateway, or null when there is no default route
 * @param change              the last change written for the root helper and how it stands, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkStatus(List<Link> interfaces, @JsonProperty("interface") String managementInterface, NetworkMode mode,
                            String gateway, List<String> dns, RootHelper.NetworkRequest change) {
    public NetworkStatus {
        interfaces = List.copyOf(interfaces);
        dns = List.copyOf(dns);
    }

    /**
     * One network interface.
     *
     * @param mac       its hardware address, as the kernel shows it
     * @param addresses "address/prefix", IPv4 first
     * @param state     the kernel's operational state: up, down, dormant, lowerlayerdown, unknown...
     */
    public record Link(String name, String mac, List<String> addresses, String state) {
        public Link {
            addresses = List.copyOf(addresses);
        }
    }
}
