package io.hyperlab.image;

import java.io.IOException;

/** An XVA that an importer would refuse; the message names the member or field and what is allowed. */
public final class XvaFormatException extends IOException {
    public XvaFormatException(String message) {
        super(message);
    }

    public XvaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
