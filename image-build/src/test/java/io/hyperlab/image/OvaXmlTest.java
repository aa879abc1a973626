package io.hyperlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OvaXmlTest {
    private static final VmSpec SPEC = new VmSpec("HyperLab appliance", "Benchmarks <XenServer> & KVM",
        2, 1024 * VmSpec.MIB, VmSpec.Firmware.BIOS, 2048 * VmSpec.MIB);

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> objectsByClass(String xml) throws Exception {
        Map<String, Object> document = (Map<String, Object>) XmlRpc.decode(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Map<String, Map<String, Object>> byClass = new HashMap<>();
        for (Object item : (List<Object>) document.get("objects")) {
            Map<String, Object> object = (Map<String, Object>) item;
            byClass.put((String) object.get("class"), object);
        }
        return byClass;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> snapshot(Map<String, Map<String, Object>> objects, String kind) {
        return (Map<String, Object>) objects.get(kind).get("snapshot");
    }

    @Test
    void vmRecordSaysTwoVcpusOneGibBiosAndItsNameAndDescription() throws Exception {
        Map<String, Object> vm = snapshot(objectsByClass(OvaXml.xml(SPEC, Instant.now())), "VM");

        assertEquals("2", vm.get("VCPUs_max"));
        assertEquals("2", vm.get("VCPUs_at_startup"));
        for (String field : List.of("memory_static_min", "memory_dynamic_min", "memory_dynamic_max", "memory_static_max")) {
            assertEquals("1073741824", vm.get(field), field);
        }
        assertEquals(Map.of("order", "c", "firmware", "bios"), vm.get("HVM_boot_params"));
        assertEquals("BIOS order", vm.get("HVM_boot_policy"));
        assertEquals("hvm", vm.get("domain_type"));
        assertEquals(false, vm.get("is_a_template"));
        assertEquals("HyperLab appliance", vm.get("name_label"));
        assertEquals("Benchmarks <XenServer> & KVM", vm.get("name_description"), "user text survives XML escaping");
    }

    @Test
    void holdsOneOfEachObjectAndEveryReferenceResolvesToTheRightClass() throws Exception {
        Map<String, Map<String, Object>> objects = objectsByClass(OvaXml.xml(SPEC, Instant.now()));
        assertEquals(java.util.Set.of("VM", "VBD", "VDI", "SR", "VIF", "network"), objects.keySet());
        Map<String, String> classOf = new HashMap<>();
        objects.forEach((kind, object) -> classOf.put((String) object.get("id"), kind));

        Map<String, Object> vm = snapshot(objects, "VM");
        Map<String, Object> vbd = snapshot(objects, "VBD");
        Map<String, Object> vdi = snapshot(objects, "VDI");
        Map<String, Object> vif = snapshot(objects, "VIF");
        assertEquals("VBD", classOf.get(((List<?>) vm.get("VBDs")).get(0)));
        assertEquals("VIF", classOf.get(((List<?>) vm.get("VIFs")).get(0)));
        assertEquals("VM", classOf.get(vbd.get("VM")));
        assertEquals("VDI", classOf.get(vbd.get("VDI")));
        assertEquals("SR", classOf.get(vdi.get("SR")));
        assertEquals("VM", classOf.get(vif.get("VM")));
        assertEquals("network", classOf.get(vif.get("network")));
        assertEquals("xenbr0", snapshot(objects, "network").get("bridge"), "the VIF is on the host's first network");
        assertEquals("0", vif.get("device"));
        assertEquals(true, vbd.get("bootable"));
        assertEquals("RW", vbd.get("mode"));
        assertEquals("2147483648", vdi.get("virtual_size"));

        Pattern ref = Pattern.compile("Ref:\\d+");
        Matcher.all(OvaXml.xml(SPEC, Instant.now()), ref).forEach(id ->
            assertTrue(classOf.containsKey(id), id + " resolves"));
    }

    @Test
    void versionSaysExportFormatTwo() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) XmlRpc.decode(new ByteArrayInputStream(
            OvaXml.xml(SPEC, Instant.parse("2026-11-25T10:00:00Z")).getBytes(StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) document.get("version");
        assertEquals("2", version.get("export_vsn"));
        assertEquals("2026-11-25", version.get("date"));
    }

    @Test
    void uefiSpecSaysUefiFirmware() throws Exception {
        VmSpec uefi = new VmSpec("vm", "", 2, 1024 * VmSpec.MIB, VmSpec.Firmware.UEFI, VmSpec.MIB);
        Map<String, Object> vm = snapshot(objectsByClass(OvaXml.xml(uefi, Instant.now())), "VM");
        assertEquals("uefi", ((Map<?, ?>) vm.get("HVM_boot_params")).get("firmware"));
    }

    @Test
    void specRefusesValuesXapiWouldNot() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
            () -> new VmSpec("vm", "", 2, 1024 * VmSpec.MIB, VmSpec.Firmware.BIOS, VmSpec.MIB + 512));
        assertTrue(size.getMessage().contains("multiple of 1 MiB"), size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VmSpec(" ", "", 2, 1024 * VmSpec.MIB, VmSpec.Firmware.BIOS, VmSpec.MIB));
        IllegalArgumentException cpus = assertThrows(IllegalArgumentException.class,
            () -> new VmSpec("vm", "", 0, 1024 * VmSpec.MIB, VmSpec.Firmware.BIOS, VmSpec.MIB));
        assertTrue(cpus.getMessage().contains("1 to 64"), cpus.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VmSpec("vm", "", 2, 100, VmSpec.Firmware.BIOS, VmSpec.MIB));
    }

    /** Every match of a pattern in a text. */
    private static final class Matcher {
        static List<String> all(String text, Pattern pattern) {
            return pattern.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
        }
    }
}
