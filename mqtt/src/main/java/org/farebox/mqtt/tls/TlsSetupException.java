package org.farebox.mqtt.tls;

/** A TLS file is missing, unreadable, of the wrong kind or does not match; the message names the file. */
public final class TlsSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
