package io.hyperlab.host.xapi;

import io.hyperlab.ConflictException;
import io.hyperlab.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Finding objects by the names users give them: XAPI names are not unique, so two matches are refused. */
final class XapiLookup {
    private XapiLookup() {
    }

    /** The references of the records that pass {@code test}. */
    static <R> List<String> matching(Map<String, R> records, Predicate<R> test) {
        return records.entrySet().stream().filter(entry -> test.test(entry.getValue())).map(Map.Entry::getKey).toList();
    }

    /** The one reference in {@code refs}: none is NotFound, several a Conflict, both naming {@code what} and {@code name}. */
    static String one(String hostName, String what, String name, List<String> refs) {
        if (refs.isEmpty()) {
            throw new NotFoundException("host '" + hostName + "' has no " + what + " named '" + name + "'");
        }
        if (refs.size() > 1) {
            throw new ConflictException(refs.size() + " " + what + "s on host '" + hostName + "' are named '" + name
                + "': rename one in XenCenter or Xen Orchestra so the name says which");
        }
        return refs.get(0);
    }
}
