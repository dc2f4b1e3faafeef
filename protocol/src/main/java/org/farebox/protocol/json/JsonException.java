package org.farebox.protocol.json;

/** JSON text that is not what the reader accepts; the message names the offset. */
public class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
