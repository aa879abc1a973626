package io.hyperlab.web;

import io.hyperlab.HyperLabException;

/** A request refused for its form rather than its content: 413 too large, 415 not JSON, 405 wrong method. */
final class ApiException extends HyperLabException {
    final int status;
    final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
