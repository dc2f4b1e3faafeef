package org.farebox.simulator.card;

import java.util.Arrays;

/**
 * A short-length ISO 7816-4 command APDU as a card sees it. Extended lengths are not spoken by the
 * cards we simulate, so they count as malformed.
 */
final class CommandApdu {
    /** Le when the command carried none (case 1 or 3). */
    static final int NO_LE = -1;

    final int cla;
    final int ins;
    final int p1;
    final int p2;
    final byte[] data;
    /** Le as sent, 0..255 (0 meaning "as much as there is"), or {@link #NO_LE}. */
    final int le;

    private CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
        this.cla = cla;
        this.ins = ins;
        this.p1 = p1;
        this.p2 = p2;
        this.data = data;
        this.le = le;
    }

    /** Parses the command, or answers null when its length bytes do not add up. */
    static CommandApdu parse(byte[] c) {
        if (c == null || c.length < 4) {
            return null;
        }
        int cla = c[0] & 0xFF;
        int ins = c[1] & 0xFF;
        int p1 = c[2] & 0xFF;
        int p2 = c[3] & 0xFF;
        if (c.length == 4) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], NO_LE);
        }
        if (c.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], c[4] & 0xFF);
        }
        int lc = c[4] & 0xFF;
        if (lc == 0) {
            return null;
        }
        if (c.length == 5 + lc) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(c, 5, 5 + lc), NO_LE);
        }
        if (c.length == 6 + lc) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(c, 5, 5 + lc), c[5 + lc] & 0xFF);
        }
        return null;
    }

    int lc() {
        return data.length;
    }

    /** Le absent, 00, or exactly the length of the fixed-size answer. */
    boolean acceptsAnswerOf(int length) {
        return le == NO_LE || le == 0 || le == length;
    }
}
