package org.farebox.protocol.signed;

/** Why a terminal refused an operator message; reported in its status so operators see it. */
public enum RejectReason {
    /** Bigger than the terminal accepts for that topic; not even parsed. */
    OVERSIZE,
    /** Not a signed update at all, or truncated, or a broken header. */
    MALFORMED,
    /** Signed by a key the terminal does not trust (or carries no signature). */
    UNKNOWN_KEY,
    /** The signature does not match the bytes: forged or altered. */
    BAD_SIGNATURE,
    /** Signed, but for another kind of update than the topic it came on. */
    WRONG_KIND,
    /** Signed, but for another operator. */
    WRONG_OPERATOR,
    /** Signed, but addressed to another terminal. */
    WRONG_TARGET,
    /** Not newer than what the terminal runs: a replay or an old retained message. */
    STALE,
    /** Signed and new, but its content does not pass the terminal's checks. */
    INVALID_PAYLOAD,
    /** A deny-list delta that does not follow the version the terminal has. */
    GAP
}
