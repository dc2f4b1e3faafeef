package org.farebox.protocol.pboc;

import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;

/**
 * File 0x17, management and interoperability information (60 bytes, PROTOCOLS.md §1.2.2).
 *
 * @param cardType issuer card-type code (e.g. normal, student, senior); the fare table maps it to a rider category
 */
public record ManagementInfo(byte[] countryCode, byte[] provinceCode, byte[] cityCode, int interopFlag, int cardType) {

    public ManagementInfo {
        countryCode = countryCode.clone();
        provinceCode = provinceCode.clone();
        cityCode = cityCode.clone();
        if (countryCode.length != 4 || provinceCode.length != 2 || cityCode.length != 2) {
            throw new IllegalArgumentException("country 4, province 2 and city 2 bytes expected");
        }
    }

    public static ManagementInfo parse(byte[] file) {
        if (file.length < 11) {
            throw new IllegalArgumentException("file 0x17 is " + file.length + " bytes, expected 60");
        }
        return new ManagementInfo(Bytes.slice(file, 0, 4), Bytes.slice(file, 4, 2), Bytes.slice(file, 6, 2),
                (int) BigEndian.read(file, 8, 2), file[10] & 0xFF);
    }

    public byte[] encode() {
        byte[] out = new byte[TUnion.MANAGEMENT_LENGTH];
        System.arraycopy(countryCode, 0, out, 0, 4);
        System.arraycopy(provinceCode, 0, out, 4, 2);
        System.arraycopy(cityCode, 0, out, 6, 2);
        BigEndian.write(out, 8, interopFlag, 2);
        out[10] = (byte) cardType;
        return out;
    }

    public boolean isInteroperable() {
        return interopFlag == 1;
    }

    public String cityCodeHex() {
        return Hex.of(cityCode);
    }
}
