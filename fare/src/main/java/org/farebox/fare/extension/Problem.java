package org.farebox.fare.extension;

/** One thing wrong with an extension file: the file, the 1-based line (0 = the file as a whole) and what is wrong. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return line == 0 ? file + ": " + message : file + " line " + line + ": " + message;
    }
}
