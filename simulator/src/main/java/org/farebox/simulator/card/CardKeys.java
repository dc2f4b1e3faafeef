package org.farebox.simulator.card;

/**
 * The keys of one key index on a card, already diversified for this card: purchase (DPK), TAC (DTK) and
 * application maintenance (DAMK), each 16 bytes, and the key version the card reports in 8050.
 */
record CardKeys(int version, byte[] dpk, byte[] dtk, byte[] damk) {
    CardKeys {
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("key version must be one byte, got " + version);
        }
        dpk = key(dpk, "DPK");
        dtk = key(dtk, "DTK");
        damk = key(damk, "DAMK");
    }

    @Override
    public byte[] dpk() {
        return dpk.clone();
    }

    @Override
    public byte[] dtk() {
        return dtk.clone();
    }

    @Override
    public byte[] damk() {
        return damk.clone();
    }

    private static byte[] key(byte[] k, String what) {
        if (k == null || k.length != 16) {
            throw new IllegalArgumentException(what + " must be 16 bytes");
        }
        return k.clone();
    }
}
