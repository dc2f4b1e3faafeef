package org.farebox.simulator.card;

/** Building response APDUs: data followed by SW1 SW2. */
final class Responses {
    /** ISO 7816-4 codes the protocol module does not name. */
    static final int WRONG_DATA = 0x6A80;
    static final int WRONG_OFFSET = 0x6B00;
    static final int INCOMPATIBLE_FILE_STRUCTURE = 0x6981;
    static final int WRONG_LE_BASE = 0x6C00;

    private Responses() {
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static byte[] data(byte[] data, int sw) {
        byte[] out = new byte[data.length + 2];
        System.arraycopy(data, 0, out, 0, data.length);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    static byte[] ok(byte[] data) {
        return data(data, 0x9000);
    }

    /**
     * The answer to a read of {@code available} bytes: Le 00 reads all, a smaller Le reads a prefix, a larger
     * one gets 6Cxx naming the right length, as many real COS do (javax.smartcardio re-sends on its own).
     */
    static byte[] read(byte[] available, int le) {
        if (le == CommandApdu.NO_LE) {
            return sw(0x6700);
        }
        if (le == 0) {
            return ok(available);
        }
        if (le > available.length) {
            return sw(WRONG_LE_BASE | available.length);
        }
        byte[] prefix = new byte[le];
        System.arraycopy(available, 0, prefix, 0, le);
        return ok(prefix);
    }
}
