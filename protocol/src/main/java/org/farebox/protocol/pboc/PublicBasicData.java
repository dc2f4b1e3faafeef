package org.farebox.protocol.pboc;

import java.time.LocalDate;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;

/**
 * File 0x15, the card's public application basic data (30 bytes, PROTOCOLS.md §1.2.1).
 *
 * @param issuerId       8 bytes: issuer code 2 ‖ city code 2 ‖ filler
 * @param applicationType 02 for a normal e-purse application
 * @param applicationVersion used as an "enabled" flag by issuers (01 = enabled)
 * @param serial         10-byte BCD application serial; its last 8 bytes diversify the card keys
 */
public record PublicBasicData(byte[] issuerId, int applicationType, int applicationVersion, byte[] serial,
        LocalDate validFrom, LocalDate validUntil, byte[] issuerData) {

    public PublicBasicData {
        issuerId = check(issuerId, 8, "issuer id");
        serial = check(serial, 10, "application serial");
        issuerData = check(issuerData, 2, "issuer FCI data");
        Bcd.toDigits(serial, 0, 10);
    }

    /** Parses the 30-byte file, rejecting a short answer or non-BCD serial and dates. */
    public static PublicBasicData parse(byte[] file) {
        if (file.length < TUnion.PUBLIC_BASIC_DATA_LENGTH) {
            throw new IllegalArgumentException("file 0x15 is " + file.length + " bytes, expected 30");
        }
        return new PublicBasicData(Bytes.slice(file, 0, 8), file[8] & 0xFF, file[9] & 0xFF,
                Bytes.slice(file, 10, 10), Bcd.parseDate(file, 20), Bcd.parseDate(file, 24), Bytes.slice(file, 28, 2));
    }

    public byte[] encode() {
        return Bytes.concat(issuerId, Bytes.of(applicationType, applicationVersion), serial,
                Bcd.date(validFrom), Bcd.date(validUntil), issuerData);
    }

    /** The 20 BCD digits of the application serial: the card's identity in the ledger and deny list. */
    public String serialNumber() {
        return Bcd.toDigits(serial, 0, 10);
    }

    /** The low 8 bytes of the serial: the factor that diversifies this card's keys. */
    public byte[] diversificationFactor() {
        return Bytes.slice(serial, 2, 8);
    }

    /** Issuer code (the first 2 bytes of the issuer id) as 4 hex digits. */
    public String issuerCode() {
        return Hex.of(issuerId, 0, 2);
    }

    public byte[] issuerId() {
        return issuerId.clone();
    }

    public byte[] serial() {
        return serial.clone();
    }

    private static byte[] check(byte[] b, int len, String what) {
        if (b == null || b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes");
        }
        return b.clone();
    }
}
