package org.farebox.terminal.sam;

import org.farebox.protocol.bytes.BigEndian;

/** The SAM's answer to a purchase request: its terminal transaction serial and MAC1 for the card. */
public record PurchaseAuthorization(PurchaseRequest request, long terminalSerial, byte[] mac1, long session) {
    public PurchaseAuthorization {
        mac1 = mac1.clone();
    }

    public byte[] terminalSerial4() {
        return BigEndian.bytes(terminalSerial, 4);
    }
}
