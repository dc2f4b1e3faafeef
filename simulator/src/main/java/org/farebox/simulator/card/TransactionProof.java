package org.farebox.simulator.card;

import org.farebox.protocol.bytes.Hex;

/**
 * What the card keeps of its last debit so that GET TRANSACTION PROVE (805A) can answer after a tear:
 * the transaction type, the counter after the debit (INIT counter + 1), MAC2 and TAC.
 */
public record TransactionProof(int type, int counter, byte[] mac2, byte[] tac) {
    public TransactionProof {
        if (type < 0 || type > 0xFF || counter < 0 || counter > 0xFFFF) {
            throw new IllegalArgumentException("proof type must be 1 byte and counter 2 bytes");
        }
        if (mac2 == null || mac2.length != 4 || tac == null || tac.length != 4) {
            throw new IllegalArgumentException("proof MAC2 and TAC must be 4 bytes each");
        }
        mac2 = mac2.clone();
        tac = tac.clone();
    }

    @Override
    public byte[] mac2() {
        return mac2.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }

    @Override
    public String toString() {
        return String.format("TransactionProof[type=%02X, counter=%d, mac2=%s, tac=%s]", type, counter,
                Hex.of(mac2), Hex.of(tac));
    }
}
