package org.farebox.mqtt;

/** The broker answered a publish or subscribe with an MQTT 5 failure reason code (e.g. 135 not authorized). */
public final class PublishRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int reasonCode;

    public PublishRefusedException(String what, int reasonCode) {
        super(what + " refused by the broker with reason code " + reasonCode + describe(reasonCode));
        this.reasonCode = reasonCode;
    }

    public int reasonCode() {
        return reasonCode;
    }

    private static String describe(int code) {
        switch (code) {
            case 0x87: return " (not authorized)";
            case 0x90: return " (topic name invalid)";
            case 0x97: return " (quota exceeded)";
            case 0x95: return " (packet too large)";
            case 0x99: return " (payload format invalid)";
            default: return "";
        }
    }
}
