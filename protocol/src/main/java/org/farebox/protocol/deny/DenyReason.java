package org.farebox.protocol.deny;

/** Why the operator denies a card or account, as the one-byte code of the deny-list format. */
public enum DenyReason {
    LOST(1),
    STOLEN(2),
    FRAUD(3),
    REPLACED(4),
    OPERATOR(5);

    private static final DenyReason[] BY_CODE = new DenyReason[256];

    static {
        for (DenyReason r : values()) {
            BY_CODE[r.code] = r;
        }
    }

    private final int code;

    DenyReason(int code) {
        this.code = code;
    }

    /** The code on the wire (1..255; 0 is never a reason). */
    public int code() {
        return code;
    }

    /** The text shown in logs and ledger rows: the constant's name, e.g. {@code LOST}. */
    public String text() {
        return name();
    }

    /** True if {@code code} (0..255) is a known reason. */
    public static boolean isKnown(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null;
    }

    /** The reason of a code; an unknown code throws IllegalArgumentException naming it. */
    public static DenyReason ofCode(int code) {
        if (!isKnown(code)) {
            throw new IllegalArgumentException("unknown deny reason code " + code + " (known: 1 LOST, 2 STOLEN, "
                    + "3 FRAUD, 4 REPLACED, 5 OPERATOR)");
        }
        return BY_CODE[code];
    }

    /** The reason named by {@code text} (case-insensitive); an unknown text throws IllegalArgumentException. */
    public static DenyReason ofText(String text) {
        for (DenyReason r : values()) {
            if (r.name().equalsIgnoreCase(text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown deny reason '" + text + "' (known: LOST, STOLEN, FRAUD, REPLACED, "
                + "OPERATOR)");
    }
}
