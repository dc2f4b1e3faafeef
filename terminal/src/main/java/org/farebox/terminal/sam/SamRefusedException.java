package org.farebox.terminal.sam;

/** The SAM works but will not serve this card (unknown key version or algorithm): the card is rejected. */
public class SamRefusedException extends SamException {
    private static final long serialVersionUID = 1L;

    public SamRefusedException(String message) {
        super(message, null);
    }
}
