package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The test server's database: every object by class and reference, each a full record of its
 * class's live fields. The sets XAPI keeps as the other side of a reference (a VM's VBDs, an
 * SR's VDIs, a host's PIFs...) are computed when read, so they can never disagree.
 */
final class ObjectStore {
    /** {@code parent.parentField} lists the objects of {@code child} whose {@code childField} is the parent. */
    private record Relation(String child, String childField, String parent, String parentField) {
    }

    private static final List<Relation> RELATIONS = List.of(
        new Relation("VBD", "VM", "VM", "VBDs"),
        new Relation("VBD", "VDI", "VDI", "VBDs"),
        new Relation("VDI", "SR", "SR", "VDIs"),
        new Relation("VIF", "VM", "VM", "VIFs"),
        new Relation("VIF", "network", "network", "VIFs"),
        new Relation("PIF", "network", "network", "PIFs"),
        new Relation("PIF", "host", "host", "PIFs"),
        new Relation("PBD", "SR", "SR", "PBDs"),
        new Relation("PBD", "host", "host", "PBDs"),
        new Relation("VM", "resident_on", "host", "resident_VMs"),
        new Relation("VM", "snapshot_of", "VM", "snapshots"));

    private final DataModel model;
    private final Map<String, Map<String, ObjectNode>> objects = new LinkedHashMap<>();

    ObjectStore(DataModel model) {
        this.model = model;
    }

    DataModel model() {
        return model;
    }

    /** Adds an object of {@code className} with {@code fields} over the defaults; its new reference. */
    String create(String className, Map<String, ? extends JsonNode> fields) {
        ObjectNode record = (ObjectNode) new XapiType.Record(className).zero(model);
        if (record.has("uuid")) {
            record.put("uuid", UUID.randomUUID().toString());
        }
        fields.forEach((name, value) -> {
            if (!record.has(name)) {
                throw new IllegalArgumentException("class " + className + " has no live field " + name);
            }
            record.set(name, value.deepCopy());
        });
        String ref = "OpaqueRef:" + UUID.randomUUID();
        objects.computeIfAbsent(className, c -> new LinkedHashMap<>()).put(ref, record);
        return ref;
    }

    boolean exists(String className, String ref) {
        return objects.getOrDefault(className, Map.of()).containsKey(ref);
    }

    /** The stored record itself, to change; HANDLE_INVALID when there is none. */
    ObjectNode get(String className, String ref) {
        ObjectNode record = objects.getOrDefault(className, Map.of()).get(ref);
        if (record == null) {
            throw XapiFault.handleInvalid(className, ref);
        }
        return record;
    }

    /** A copy of the record as XAPI returns it, with the reverse reference sets filled in. */
    ObjectNode view(String className, String ref) {
        ObjectNode copy = get(className, ref).deepCopy();
        for (Relation relation : RELATIONS) {
            if (relation.parent().equals(className) && copy.has(relation.parentField())) {
                ArrayNode refs = copy.putArray(relation.parentField());
                all(relation.child()).forEach((childRef, child) -> {
                    if (child.path(relation.childField()).asText().equals(ref)) {
                        refs.add(childRef);
                    }
                });
            }
        }
        return copy;
    }

    /** Every object of the class, stored records by reference, in creation order. */
    Map<String, ObjectNode> all(String className) {
        return objects.getOrDefault(className, Map.of());
    }

    ObjectNode allViews(String className) {
        ObjectNode result = XapiType.NODES.objectNode();
        all(className).keySet().forEach(ref -> result.set(ref, view(className, ref)));
        return result;
    }

    List<String> refs(String className, Predicate<ObjectNode> filter) {
        List<String> refs = new ArrayList<>();
        all(className).forEach((ref, record) -> {
            if (filter.test(record)) {
                refs.add(ref);
            }
        });
        return refs;
    }

    /** The reference of the object with this UUID; UUID_INVALID when there is none, as XAPI says. */
    String byUuid(String className, String uuid) {
        List<String> found = refs(className, record -> record.path("uuid").asText().equals(uuid));
        if (found.isEmpty()) {
            throw new XapiFault("UUID_INVALID", className, uuid);
        }
        return found.get(0);
    }

    void destroy(String className, String ref) {
        get(className, ref);
        objects.get(className).remove(ref);
    }

    /** How many objects of each class exist: what tests compare to prove nothing was left behind. */
    Map<String, Integer> census() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        objects.forEach((className, byRef) -> {
            if (!byRef.isEmpty()) {
                counts.put(className, byRef.size());
            }
        });
        return counts;
    }
}
