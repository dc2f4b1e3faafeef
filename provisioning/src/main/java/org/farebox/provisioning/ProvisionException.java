package org.farebox.provisioning;

/** The command could not do its work; the message says what went wrong and what to do next (exit code 1). */
public final class ProvisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
