package org.farebox.terminal.card;

/** A response APDU split into data and status word. */
public record CardResponse(byte[] data, int statusWord) {
    public CardResponse {
        data = data.clone();
    }

    public static CardResponse of(byte[] raw) throws CardDataException {
        if (raw.length < 2) {
            throw new CardDataException("response of " + raw.length + " bytes has no status word", null);
        }
        byte[] data = java.util.Arrays.copyOf(raw, raw.length - 2);
        return new CardResponse(data, ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean ok() {
        return statusWord == 0x9000;
    }
}
