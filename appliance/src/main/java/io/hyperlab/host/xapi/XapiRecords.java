package io.hyperlab.host.xapi;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fields HyperLab reads from each XAPI class it uses, named as on the wire. XAPI sends many
 * more; they are ignored. References are {@code OpaqueRef:...} strings; {@link #NULL_REF} means none.
 */
public final class XapiRecords {
    public static final String NULL_REF = "OpaqueRef:NULL";

    private XapiRecords() {
    }

    public record Pool(String uuid, @JsonProperty("name_label") String nameLabel, String master,
                       @JsonProperty("default_SR") String defaultSr) {
    }

    public record Host(String uuid, @JsonProperty("name_label") String nameLabel, String hostname, String address,
                       boolean enabled, @JsonProperty("software_version") Map<String, String> softwareVersion,
                       @JsonProperty("cpu_info") Map<String, String> cpuInfo, List<String> capabilities,
                       String metrics, @JsonProperty("PIFs") List<String> pifs, @JsonProperty("PBDs") List<String> pbds,
                       @JsonProperty("API_version_major") long apiVersionMajor,
                       @JsonProperty("API_version_minor") long apiVersionMinor) {
    }

    public record HostMetrics(String uuid, @JsonProperty("memory_total") long memoryTotal, boolean live) {
    }

    public record Vm(String uuid, @JsonProperty("name_label") String nameLabel,
                     @JsonProperty("name_description") String nameDescription,
                     @JsonProperty("power_state") String powerState,
                     @JsonProperty("is_a_template") boolean template,
                     @JsonProperty("is_default_template") boolean defaultTemplate,
                     @JsonProperty("is_control_domain") boolean controlDomain,
                     @JsonProperty("is_a_snapshot") boolean snapshot,
                     @JsonProperty("VCPUs_max") long vcpusMax,
                     @JsonProperty("VCPUs_at_startup") long vcpusAtStartup,
                     @JsonProperty("memory_static_min") long memoryStaticMin,
                     @JsonProperty("memory_static_max") long memoryStaticMax,
                     @JsonProperty("memory_dynamic_min") long memoryDynamicMin,
                     @JsonProperty("memory_dynamic_max") long memoryDynamicMax,
                     @JsonProperty("domain_type") String domainType,
                     @JsonProperty("HVM_boot_policy") String hvmBootPolicy,
                     @JsonProperty("HVM_boot_params") Map<String, String> hvmBootParams,
                     @JsonProperty("HVM_shadow_multiplier") double hvmShadowMultiplier,
                     @JsonProperty("PV_bootloader") String pvBootloader,
                     @JsonProperty("other_config") Map<String, String> otherConfig,
                     String metrics, @JsonProperty("guest_metrics") String guestMetrics,
                     @JsonProperty("VBDs") List<String> vbds, @JsonProperty("VIFs") List<String> vifs,
                     @JsonProperty("resident_on") String residentOn, String affinity,
                     @JsonProperty("snapshot_time") Instant snapshotTime) {
    }

    public record VmMetrics(String uuid, @JsonProperty("memory_actual") long memoryActual,
                            @JsonProperty("VCPUs_number") long vcpusNumber,
                            @JsonProperty("current_domain_type") String currentDomainType) {
    }

    public record VmGuestMetrics(String uuid, @JsonProperty("os_version") Map<String, String> osVersion,
                                 @JsonProperty("PV_drivers_version") Map<String, String> pvDriversVersion,
                                 @JsonProperty("PV_drivers_detected") boolean pvDriversDetected,
                                 Map<String, String> networks, boolean live) {
    }

    public record Sr(String uuid, @JsonProperty("name_label") String nameLabel,
                     @JsonProperty("name_description") String nameDescription, String type,
                     @JsonProperty("content_type") String contentType, boolean shared,
                     @JsonProperty("physical_size") long physicalSize,
                     @JsonProperty("physical_utilisation") long physicalUtilisation,
                     @JsonProperty("VDIs") List<String> vdis, @JsonProperty("PBDs") List<String> pbds,
                     @JsonProperty("is_tools_sr") boolean toolsSr,
                     @JsonProperty("other_config") Map<String, String> otherConfig) {
    }

    public record Vdi(String uuid, @JsonProperty("name_label") String nameLabel,
                      @JsonProperty("SR") String sr, @JsonProperty("virtual_size") long virtualSize,
                      String type, String location, @JsonProperty("read_only") boolean readOnly,
                      @JsonProperty("VBDs") List<String> vbds, @JsonProperty("is_tools_iso") boolean toolsIso) {
    }

    public record Vbd(String uuid, @JsonProperty("VM") String vm, @JsonProperty("VDI") String vdi,
                      String userdevice, String type, String mode, boolean empty, boolean bootable) {
    }

    public record Pbd(String uuid, String host, @JsonProperty("SR") String sr,
                      @JsonProperty("device_config") Map<String, String> deviceConfig,
                      @JsonProperty("currently_attached") boolean currentlyAttached) {
    }

    public record Network(String uuid, @JsonProperty("name_label") String nameLabel,
                          @JsonProperty("name_description") String nameDescription, String bridge,
                          @JsonProperty("MTU") long mtu, @JsonProperty("PIFs") List<String> pifs,
                          @JsonProperty("VIFs") List<String> vifs,
                          @JsonProperty("other_config") Map<String, String> otherConfig) {
    }

    public record Pif(String uuid, String device, String network, String host, @JsonProperty("MAC") String mac,
                      @JsonProperty("VLAN") long vlan, boolean physical, boolean management,
                      @JsonProperty("IP") String ip, @JsonProperty("currently_attached") boolean currentlyAttached,
                      String metrics) {
    }

    public record PifMetrics(String uuid, long speed, boolean carrier,
                             @JsonProperty("device_name") String deviceName) {
    }

    public record Vlan(String uuid, @JsonProperty("tagged_PIF") String taggedPif,
                       @JsonProperty("untagged_PIF") String untaggedPif, long tag) {
    }

    public record Vif(String uuid, @JsonProperty("VM") String vm, String network, String device,
                      @JsonProperty("MAC") String mac) {
    }

    public record Task(String uuid, @JsonProperty("name_label") String nameLabel, String status, double progress,
                       String result, @JsonProperty("error_info") List<String> errorInfo) {
    }

    /** One change from {@code event.from}: which object of which class, and what happened to it. */
    public record Event(long id, @JsonProperty("class") String className, String operation, String ref,
                        @JsonProperty("obj_uuid") String objUuid, Instant timestamp,
                        Map<String, Object> snapshot) {
    }

    /** What {@code event.from} returns: the changes and the token to pass next time. */
    public record EventBatch(List<Event> events,
                             @JsonProperty("valid_ref_counts") @JsonAlias("validRefCounts") Map<String, Long> validRefCounts,
                             String token) {
    }
}
