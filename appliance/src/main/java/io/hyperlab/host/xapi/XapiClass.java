package io.hyperlab.host.xapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.vertx.core.Future;
import java.util.Map;

/**
 * One XAPI class and the calls every class has (records, lookups, destroy), typed with the record
 * HyperLab reads. Class-specific messages are called through {@link XapiSession} by name.
 */
public final class XapiClass<R> {
    public static final XapiClass<XapiRecords.Pool> POOL = new XapiClass<>("pool", XapiRecords.Pool.class);
    public static final XapiClass<XapiRecords.Host> HOST = new XapiClass<>("host", XapiRecords.Host.class);
    public static final XapiClass<XapiRecords.HostMetrics> HOST_METRICS = new XapiClass<>("host_metrics", XapiRecords.HostMetrics.class);
    public static final XapiClass<XapiRecords.Vm> VM = new XapiClass<>("VM", XapiRecords.Vm.class);
    public static final XapiClass<XapiRecords.VmMetrics> VM_METRICS = new XapiClass<>("VM_metrics", XapiRecords.VmMetrics.class);
    public static final XapiClass<XapiRecords.VmGuestMetrics> VM_GUEST_METRICS =
        new XapiClass<>("VM_guest_metrics", XapiRecords.VmGuestMetrics.class);
    public static final XapiClass<XapiRecords.Sr> SR = new XapiClass<>("SR", XapiRecords.Sr.class);
    public static final XapiClass<XapiRecords.Vdi> VDI = new XapiClass<>("VDI", XapiRecords.Vdi.class);
    public static final XapiClass<XapiRecords.Vbd> VBD = new XapiClass<>("VBD", XapiRecords.Vbd.class);
    public static final XapiClass<XapiRecords.Pbd> PBD = new XapiClass<>("PBD", XapiRecords.Pbd.class);
    public static final XapiClass<XapiRecords.Network> NETWORK = new XapiClass<>("network", XapiRecords.Network.class);
    public static final XapiClass<XapiRecords.Pif> PIF = new XapiClass<>("PIF", XapiRecords.Pif.class);
    public static final XapiClass<XapiRecords.PifMetrics> PIF_METRICS = new XapiClass<>("PIF_metrics", XapiRecords.PifMetrics.class);
    public static final XapiClass<XapiRecords.Vlan> VLAN = new XapiClass<>("VLAN", XapiRecords.Vlan.class);
    public static final XapiClass<XapiRecords.Vif> VIF = new XapiClass<>("VIF", XapiRecords.Vif.class);

    private final String name;
    private final JavaType record;
    private final JavaType records;

    private XapiClass(String name, Class<R> recordType) {
        this.name = name;
        this.record = TypeFactory.defaultInstance().constructType(recordType);
        this.records = TypeFactory.defaultInstance().constructMapType(Map.class, String.class, recordType);
    }

    /** The class's name on the wire, such as {@code VM} or {@code host_metrics}. */
    public String name() {
        return name;
    }

    /** Every object of the class, by reference. */
    public Future<Map<String, R>> allRecords(XapiSession session) {
        return session.call(records, name + ".get_all_records");
    }

    public Future<R> record(XapiSession session, String ref) {
        return session.call(record, name + ".get_record", ref);
    }

    /** Calls {@code NAME.create} with the record's fields and returns the new reference. */
    public Future<String> create(XapiSession session, Map<String, ?> fields) {
        return session.call(String.class, name + ".create", fields);
    }

    public Future<Void> destroy(XapiSession session, String ref) {
        return session.call(name + ".destroy", ref).mapEmpty();
    }
}
