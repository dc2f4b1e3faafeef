package org.farebox.protocol.pboc;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.farebox.protocol.bytes.Bytes;

/**
 * The 3DES/DES arithmetic of the PBOC e-purse purchase (PROTOCOLS.md §1.6): key diversification,
 * purchase session key, transaction MACs, TAC and the secure-messaging MAC.
 *
 * <p>Card simulator, software SAM and clearing all compute with this one class, so a mismatch between
 * them cannot hide behind two implementations. The verified vectors of §1.6.3 pin it in tests.
 */
public final class PbocCrypto {
    /** Algorithm identifier a card reports in INITIALIZE FOR PURCHASE for 3DES/DES keys. */
    public static final int ALG_3DES = 0x00;

    private PbocCrypto() {
    }

    /** One diversification level: DK = 3DES(MK, f) ‖ 3DES(MK, ~f). */
    public static byte[] diversify(byte[] masterKey16, byte[] factor8) {
        requireLength(masterKey16, 16, "master key");
        requireLength(factor8, 8, "diversification factor");
        byte[] inverted = new byte[8];
        for (int i = 0; i < 8; i++) {
            inverted[i] = (byte) ~factor8[i];
        }
        return Bytes.concat(tripleDesEncrypt(masterKey16, factor8), tripleDesEncrypt(masterKey16, inverted));
    }

    /**
     * Two levels: first the issuer factor, then the card factor. The order inside a real PSAM is not
     * public (PROTOCOLS.md §1.6.1 [U]); this is the order our software SAM and card issuer agree on.
     */
    public static byte[] diversify(byte[] masterKey16, byte[] issuerFactor8, byte[] cardFactor8) {
        return diversify(diversify(masterKey16, issuerFactor8), cardFactor8);
    }

    /** SESPK = 3DES(DPK, random4 ‖ offlineCounter2 ‖ terminalSerial[2..3]). */
    public static byte[] purchaseSessionKey(byte[] dpk16, byte[] random4, int offlineCounter, byte[] terminalSerial4) {
        requireLength(random4, 4, "card random");
        requireLength(terminalSerial4, 4, "terminal transaction serial");
        byte[] input = Bytes.concat(random4,
                Bytes.of(offlineCounter >> 8, offlineCounter), Bytes.slice(terminalSerial4, 2, 2));
        return tripleDesEncrypt(dpk16, input);
    }

    /** MAC1 = MAC(SESPK, amount4 ‖ type1 ‖ terminalNo6 ‖ date4 ‖ time3). */
    public static byte[] mac1(byte[] sessionKey8, long amount, int transactionType, byte[] terminalNo6, byte[] dateTime7) {
        requireLength(terminalNo6, 6, "terminal number");
        requireLength(dateTime7, 7, "date-time");
        return mac(sessionKey8, Bytes.concat(amount4(amount), Bytes.of(transactionType), terminalNo6, dateTime7));
    }

    /** MAC2 = MAC(SESPK, amount4). */
    public static byte[] mac2(byte[] sessionKey8, long amount) {
        return mac(sessionKey8, amount4(amount));
    }

    /** Purchase TAC = MAC(DTK_L ⊕ DTK_R, amount4 ‖ type1 ‖ terminalNo6 ‖ terminalSerial4 ‖ date4 ‖ time3). */
    public static byte[] purchaseTac(byte[] dtk16, long amount, int transactionType, byte[] terminalNo6,
            byte[] terminalSerial4, byte[] dateTime7) {
        requireLength(dtk16, 16, "TAC key");
        byte[] key = new byte[8];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (dtk16[i] ^ dtk16[i + 8]);
        }
        return mac(key, Bytes.concat(amount4(amount), Bytes.of(transactionType), terminalNo6, terminalSerial4, dateTime7));
    }

    /**
     * ISO 9797-1 MAC algorithm 1 with padding method 2 (always 80 00…), single DES, IV zero, leftmost
     * 4 bytes: the transaction MAC of PBOC (not the retail MAC).
     */
    public static byte[] mac(byte[] key8, byte[] data) {
        requireLength(key8, 8, "session key");
        byte[] last = cbcLastBlock("DES", key8, new byte[8], pad(data));
        return Bytes.slice(last, 0, 4);
    }

    /**
     * ISO 9797-1 MAC algorithm 3 (retail MAC) with a double-length key and the given IV, padding 2,
     * leftmost 4 bytes: the line-protection MAC of secure-messaging commands such as APPLICATION BLOCK.
     */
    public static byte[] retailMac(byte[] key16, byte[] iv8, byte[] data) {
        requireLength(key16, 16, "secure-messaging key");
        requireLength(iv8, 8, "IV");
        byte[] k1 = Bytes.slice(key16, 0, 8);
        byte[] k2 = Bytes.slice(key16, 8, 8);
        byte[] last = cbcLastBlock("DES", k1, iv8, pad(data));
        byte[] out = des(Cipher.ENCRYPT_MODE, k1, des(Cipher.DECRYPT_MODE, k2, last));
        return Bytes.slice(out, 0, 4);
    }

    /** Constant-time comparison for MACs and TACs. */
    public static boolean sameMac(byte[] a, byte[] b) {
        return java.security.MessageDigest.isEqual(a, b);
    }

    static byte[] pad(byte[] data) {
        int padded = (data.length / 8 + 1) * 8;
        byte[] out = new byte[padded];
        System.arraycopy(data, 0, out, 0, data.length);
        out[data.length] = (byte) 0x80;
        return out;
    }

    private static byte[] amount4(long amount) {
        if (amount < 0 || amount > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("amount out of range: " + amount);
        }
        return Bytes.of((int) (amount >> 24), (int) (amount >> 16), (int) (amount >> 8), (int) amount);
    }

    private static byte[] tripleDesEncrypt(byte[] key16, byte[] block8) {
        requireLength(key16, 16, "double-length key");
        byte[] k24 = Bytes.concat(key16, Bytes.slice(key16, 0, 8));
        return run("DESede/ECB/NoPadding", "DESede", Cipher.ENCRYPT_MODE, k24, null, block8);
    }

    private static byte[] des(int mode, byte[] key8, byte[] block8) {
        return run("DES/ECB/NoPadding", "DES", mode, key8, null, block8);
    }

    private static byte[] cbcLastBlock(String alg, byte[] key, byte[] iv, byte[] padded) {
        byte[] all = run(alg + "/CBC/NoPadding", alg, Cipher.ENCRYPT_MODE, key, iv, padded);
        return Bytes.slice(all, all.length - 8, 8);
    }

    private static byte[] run(String transformation, String alg, int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            SecretKeySpec spec = new SecretKeySpec(key, alg);
            if (iv == null) {
                cipher.init(mode, spec);
            } else {
                cipher.init(mode, spec, new IvParameterSpec(iv));
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            // DES and DESede are mandatory JCA algorithms; failing here means a broken runtime.
            throw new IllegalStateException("JCA cannot run " + transformation, e);
        }
    }

    private static void requireLength(byte[] b, int len, String what) {
        if (b == null || b.length != len) {
            throw new IllegalArgumentException(what + " must be " + len + " bytes");
        }
    }
}
