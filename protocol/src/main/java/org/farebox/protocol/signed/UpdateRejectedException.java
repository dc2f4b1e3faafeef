package org.farebox.protocol.signed;

/** An operator message the terminal will not apply, with the reason and a sentence for the log. */
public final class UpdateRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public UpdateRejectedException(RejectReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
