package org.farebox.protocol.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The byte encoding of a ledger row that its hash covers, fixed so the terminal and the clearing
 * host (in any language) compute the same chain.
 *
 * <p>{@code hash = SHA-256(prevHash ‖ canonical(row))}, where {@code prevHash} is the 32 raw bytes of
 * the previous row's hash (32 zero bytes for the first row of a terminal) and hashes are written as
 * 64 lowercase hex digits.
 *
 * <p>{@code canonical(row)} is the concatenation, in this order, of:
 * <ol>
 * <li>format version: 1 byte, {@code 0x01}</li>
 * <li>sequence: int64</li>
 * <li>terminalId: string</li>
 * <li>time: int64, milliseconds since 1970-01-01T00:00:00Z</li>
 * <li>cardSerial: string</li>
 * <li>cardType: int32</li>
 * <li>riderCategory: string</li>
 * <li>amountFen: int64</li>
 * <li>balanceBeforeFen: int64</li>
 * <li>balanceAfterFen: int64</li>
 * <li>cardCounter: int32</li>
 * <li>psamTerminalNo: string</li>
 * <li>psamSerial: int64</li>
 * <li>tac: string</li>
 * <li>mac2: string</li>
 * <li>transactionType: int32</li>
 * <li>fareTableVersion: int64</li>
 * <li>route: string</li>
 * <li>stop: string</li>
 * <li>outcome: string, the enum constant's name (e.g. {@code PAID})</li>
 * <li>state: string, the enum constant's name (e.g. {@code COMPLETE})</li>
 * <li>detail: string</li>
 * </ol>
 * int32/int64 are two's complement, big-endian, 4/8 bytes (unknown = -1 = all ones). A string is its
 * UTF-8 bytes preceded by their count as an unsigned 32-bit big-endian integer ("" = 4 zero bytes).
 * prevHash and hash themselves are not part of the canonical bytes.
 */
public final class RowHash {

    public static final byte FORMAT_VERSION = 1;
    /** prevHash of the first row of a terminal: 32 zero bytes in hex. */
    public static final String GENESIS_PREV_HASH = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private RowHash() {
    }

    /** The canonical bytes of a row. */
    public static byte[] encode(TxnRow row) {
        Encoder e = new Encoder();
        e.out.write(FORMAT_VERSION);
        e.int64(row.sequence());
        e.string(row.terminalId());
        e.int64(row.timeMillis());
        e.string(row.cardSerial());
        e.int32(row.cardType());
        e.string(row.riderCategory());
        e.int64(row.amountFen());
        e.int64(row.balanceBeforeFen());
        e.int64(row.balanceAfterFen());
        e.int32(row.cardCounter());
        e.string(row.psamTerminalNo());
        e.int64(row.psamSerial());
        e.string(row.tac());
        e.string(row.mac2());
        e.int32(row.transactionType());
        e.int64(row.fareTableVersion());
        e.string(row.route());
        e.string(row.stop());
        e.string(row.outcome());
        e.string(row.state());
        e.string(row.detail());
        return e.out.toByteArray();
    }

    /** SHA-256(prevHash bytes ‖ canonical(row)) as lowercase hex; the row's own hash fields are ignored. */
    public static String hash(String prevHashHex, TxnRow row) {
        byte[] prev = parseHash(prevHashHex);
        MessageDigest sha = sha256();
        sha.update(prev);
        sha.update(encode(row));
        return HEX.formatHex(sha.digest());
    }

    /** Parses 64 lowercase hex digits; throws IllegalArgumentException otherwise. */
    public static byte[] parseHash(String hex) {
        if (hex.length() != 64 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("a hash must be 64 lowercase hex digits, got '" + abbreviate(hex) + "'");
        }
        return HEX.parseHex(hex);
    }

    private static String abbreviate(String s) {
        return s.length() <= 70 ? s : s.substring(0, 67) + "...";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Encoder {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void int32(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }

        void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            out.writeBytes(utf8);
        }
    }
}
