package io.hyperlab.host.xapi;

import io.hyperlab.HyperLabException;
import java.util.List;

/**
 * An error XAPI answered with: its code (such as {@code HANDLE_INVALID}) and parameters, and the
 * method that got it. The driver turns the codes a user can act on into the project's own errors.
 */
public class XapiException extends HyperLabException {
    private final String method;
    private final String code;
    private final List<String> params;

    public XapiException(String method, String code, List<String> params) {
        super("XenServer refused " + method + ": " + code + (params.isEmpty() ? "" : " " + params));
        this.method = method;
        this.code = code;
        this.params = List.copyOf(params);
    }

    /** The XAPI method that failed, such as {@code VM.start}. */
    public String method() {
        return method;
    }

    /** The XAPI error code, such as {@code SESSION_INVALID}. */
    public String code() {
        return code;
    }

    /** The error's parameters, in XAPI's order. */
    public List<String> params() {
        return params;
    }

    /** The parameter at {@code index}, or an empty string when XAPI sent fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : "";
    }
}
