package org.farebox.protocol.pboc;

/** ISO 7816-4 and PBOC status words used by user cards and PSAMs (PROTOCOLS.md §1.9). */
public final class StatusWord {
    public static final int OK = 0x9000;
    public static final int SELECTED_FILE_INVALIDATED = 0x6283;
    public static final int MEMORY_FAILURE = 0x6581;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int SECURE_MESSAGING_MAC_WRONG = 0x6988;
    public static final int FUNCTION_NOT_SUPPORTED = 0x6A81;
    public static final int WRONG_DATA = 0x6A80;
    public static final int FILE_NOT_FOUND = 0x6A82;
    public static final int RECORD_NOT_FOUND = 0x6A83;
    public static final int WRONG_P1P2 = 0x6A86;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    public static final int MAC_INVALID = 0x9302;
    public static final int APPLICATION_LOCKED = 0x9303;
    public static final int INSUFFICIENT_BALANCE = 0x9401;
    public static final int COUNTER_AT_MAXIMUM = 0x9402;
    public static final int KEY_INDEX_NOT_SUPPORTED = 0x9403;
    public static final int PROOF_UNAVAILABLE = 0x9406;

    private StatusWord() {
    }

    /** A short English meaning for logs and error messages. */
    public static String describe(int sw) {
        switch (sw) {
            case OK: return "OK";
            case SELECTED_FILE_INVALIDATED: return "application blocked";
            case MEMORY_FAILURE: return "memory failure";
            case WRONG_LENGTH: return "wrong length";
            case CONDITIONS_NOT_SATISFIED: return "conditions of use not satisfied";
            case SECURE_MESSAGING_MAC_WRONG: return "secure-messaging MAC incorrect";
            case FUNCTION_NOT_SUPPORTED: return "function not supported";
            case WRONG_DATA: return "incorrect data";
            case FILE_NOT_FOUND: return "file or application not found";
            case RECORD_NOT_FOUND: return "record not found";
            case WRONG_P1P2: return "incorrect P1/P2";
            case INS_NOT_SUPPORTED: return "instruction not supported";
            case CLA_NOT_SUPPORTED: return "class not supported";
            case MAC_INVALID: return "MAC invalid";
            case APPLICATION_LOCKED: return "application permanently locked";
            case INSUFFICIENT_BALANCE: return "insufficient balance";
            case COUNTER_AT_MAXIMUM: return "transaction counter at maximum";
            case KEY_INDEX_NOT_SUPPORTED: return "key index not supported";
            case PROOF_UNAVAILABLE: return "MAC/TAC not available";
            default: return "status " + String.format("%04X", sw);
        }
    }

    public static String hex(int sw) {
        return String.format("%04X", sw);
    }
}
