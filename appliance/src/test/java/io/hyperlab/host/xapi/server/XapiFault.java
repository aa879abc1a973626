package io.hyperlab.host.xapi.server;

import java.util.Arrays;
import java.util.List;

/** An error the test server answers with, as XAPI would: a code and its string parameters. */
final class XapiFault extends RuntimeException {
    private final String code;
    private final List<String> params;

    XapiFault(String code, String... params) {
        super(code + " " + Arrays.toString(params), null, false, false);
        this.code = code;
        this.params = List.of(params);
    }

    String code() {
        return code;
    }

    List<String> params() {
        return params;
    }

    static XapiFault handleInvalid(String className, String ref) {
        return new XapiFault("HANDLE_INVALID", className, ref);
    }
}
