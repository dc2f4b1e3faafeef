package org.farebox.fare.card;

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection): check value 0x29B1 for "123456789". */
final class Crc16 {
    private Crc16() {
    }

    static int of(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
