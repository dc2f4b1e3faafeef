package org.farebox.simulator.card;

import java.time.LocalDate;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;

/**
 * The identity of a {@link VirtualPsam}: its terminal number (MF file 0x16) and its purchase key
 * information (application file 0x17: key index ‖ issuer id ‖ user id ‖ start date ‖ end date).
 */
public record PsamProfile(byte[] terminalNo, int purchaseKeyIndex, byte[] issuerId, byte[] userId,
        LocalDate validFrom, LocalDate validUntil) {

    public PsamProfile {
        terminalNo = exact(terminalNo, 6, "PSAM terminal number");
        issuerId = exact(issuerId, 8, "PSAM issuer id");
        userId = exact(userId, 8, "PSAM user id");
        if (purchaseKeyIndex < 0 || purchaseKeyIndex > 0xFF) {
            throw new IllegalArgumentException("purchase key index must be one byte, got " + purchaseKeyIndex);
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)
                || validFrom.getYear() < 1000 || validUntil.getYear() > 9999) {
            throw new IllegalArgumentException("PSAM validity must be a start date not after the end date");
        }
    }

    /** A profile with the given terminal number and key index, a neutral issuer/user id and a long validity. */
    public static PsamProfile of(byte[] terminalNo6, int purchaseKeyIndex) {
        byte[] ff = Bytes.of(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        return new PsamProfile(terminalNo6, purchaseKeyIndex, ff, ff, LocalDate.of(2020, 1, 1),
                LocalDate.of(2099, 12, 31));
    }

    @Override
    public byte[] terminalNo() {
        return terminalNo.clone();
    }

    @Override
    public byte[] issuerId() {
        return issuerId.clone();
    }

    @Override
    public byte[] userId() {
        return userId.clone();
    }

    /** The 25-byte key information file 0x17 ({@code TUnion.PSAM_KEY_INFO_LENGTH}). */
    public byte[] keyInfoFile() {
        return Bytes.concat(Bytes.of(purchaseKeyIndex), issuerId, userId, Bcd.date(validFrom), Bcd.date(validUntil));
    }

    private static byte[] exact(byte[] b, int len, String what) {
        if (b == null || b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes");
        }
        return b.clone();
    }
}
