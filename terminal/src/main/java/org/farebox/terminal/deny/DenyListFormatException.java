package org.farebox.terminal.deny;

import java.io.IOException;

/** A deny list file has a malformed line; nothing was changed. */
public class DenyListFormatException extends IOException {

    private final long lineNumber;

    public DenyListFormatException(long lineNumber, String message) {
        super("line " + lineNumber + ": " + message);
        this.lineNumber = lineNumber;
    }

    /** 1-based number of the offending line. */
    public long lineNumber() {
        return lineNumber;
    }
}
