package org.farebox.simulator.card;

import java.time.LocalDate;
import org.farebox.protocol.bytes.Hex;

/**
 * What a card is personalised with by {@link CardIssuer}: identity, card type, validity, opening balance
 * and the purchase key index it carries keys for. Build with {@link #builder(String)}.
 *
 * @param serialNumber 20 decimal digits, the application serial of file 0x15
 * @param issuerId     8 bytes: issuer code 2 ‖ city code 2 ‖ filler
 * @param cardType     file 0x17 byte 10 (01 adult, 02 student, 03 senior, 04 free; any byte is accepted)
 * @param algorithmId  reported in 8050 only; the card always computes 3DES (to test a terminal's refusal)
 * @param legacy       the card answers SELECT by FID 1001 but 6A82 to the T-Union AID
 */
public record CardProfile(String serialNumber, byte[] issuerId, int cardType, LocalDate validFrom, LocalDate validUntil,
        long initialBalance, long overdraftLimit, int purchaseKeyIndex, int algorithmId, boolean legacy) {

    public CardProfile {
        if (serialNumber == null || !serialNumber.matches("[0-9]{20}")) {
            throw new IllegalArgumentException("card serial must be 20 decimal digits, got " + serialNumber);
        }
        if (issuerId == null || issuerId.length != 8) {
            throw new IllegalArgumentException("issuer id must be 8 bytes");
        }
        issuerId = issuerId.clone();
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validity must be a start date not after the end date");
        }
        if (validFrom.getYear() < 1000 || validUntil.getYear() > 9999) {
            throw new IllegalArgumentException("validity years must have four digits");
        }
        byteRange(cardType, "card type");
        byteRange(purchaseKeyIndex, "purchase key index");
        byteRange(algorithmId, "algorithm id");
        if (initialBalance < 0 || initialBalance > CardImage.MAX_BALANCE) {
            throw new IllegalArgumentException("initial balance must be 0.." + CardImage.MAX_BALANCE + " fen");
        }
        if (overdraftLimit < 0 || overdraftLimit > CardImage.MAX_OVERDRAFT) {
            throw new IllegalArgumentException("overdraft limit must be 0.." + CardImage.MAX_OVERDRAFT + " fen");
        }
    }

    @Override
    public byte[] issuerId() {
        return issuerId.clone();
    }

    public static Builder builder(String serialNumber) {
        return new Builder(serialNumber);
    }

    private static void byteRange(int v, String what) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " must be one byte (0..255), got " + v);
        }
    }

    /** Defaults: issuer 0100 5101 FFFFFFFF, adult, valid 2020-01-01..2099-12-31, balance 0, key index 01, 3DES. */
    public static final class Builder {
        private final String serialNumber;
        private byte[] issuerId = Hex.parse("01005101FFFFFFFF");
        private int cardType = 0x01;
        private LocalDate validFrom = LocalDate.of(2020, 1, 1);
        private LocalDate validUntil = LocalDate.of(2099, 12, 31);
        private long initialBalance;
        private long overdraftLimit;
        private int purchaseKeyIndex = 0x01;
        private int algorithmId = 0x00;
        private boolean legacy;

        private Builder(String serialNumber) {
            this.serialNumber = serialNumber;
        }

        public Builder issuerId(byte[] issuerId8) {
            this.issuerId = issuerId8.clone();
            return this;
        }

        public Builder cardType(int cardType) {
            this.cardType = cardType;
            return this;
        }

        public Builder validity(LocalDate from, LocalDate until) {
            this.validFrom = from;
            this.validUntil = until;
            return this;
        }

        public Builder initialBalance(long fen) {
            this.initialBalance = fen;
            return this;
        }

        public Builder overdraftLimit(long fen) {
            this.overdraftLimit = fen;
            return this;
        }

        public Builder purchaseKeyIndex(int keyIndex) {
            this.purchaseKeyIndex = keyIndex;
            return this;
        }

        public Builder algorithmId(int algorithmId) {
            this.algorithmId = algorithmId;
            return this;
        }

        public Builder legacy(boolean legacy) {
            this.legacy = legacy;
            return this;
        }

        public CardProfile build() {
            return new CardProfile(serialNumber, issuerId, cardType, validFrom, validUntil, initialBalance,
                    overdraftLimit, purchaseKeyIndex, algorithmId, legacy);
        }
    }
}
