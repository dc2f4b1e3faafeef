package org.farebox.terminal.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalRowTest {

    private static final TapRecord ROW = new TapRecord(3, "T-1", Instant.ofEpochMilli(1_700_000_000_123L),
            "3104", 2, "学生", 150, 1000, 850, 7, "PS", -1, "", "", 6, 9, "R", "S", Outcome.PAID,
            SettlementState.DEBITED, "a,b", "", "");

    @Test
    void encodingFollowsTheDocumentedLayoutFieldByField() {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put((byte) 1).putLong(3);
        string(b, "T-1");
        b.putLong(1_700_000_000_123L);
        string(b, "3104");
        b.putInt(2);
        string(b, "学生");
        b.putLong(150).putLong(1000).putLong(850).putInt(7);
        string(b, "PS");
        b.putLong(-1);
        string(b, "");
        string(b, "");
        b.putInt(6).putLong(9);
        string(b, "R");
        string(b, "S");
        string(b, "PAID");
        string(b, "DEBITED");
        string(b, "a,b");
        byte[] expected = new byte[b.position()];
        b.flip().get(expected);

        assertArrayEquals(expected, CanonicalRow.encode(ROW));
    }

    @Test
    void hashIsSha256OfPreviousHashBytesThenCanonicalBytes() throws Exception {
        String prev = "ab".repeat(32);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HexFormat.of().parseHex(prev));
        sha.update(CanonicalRow.encode(ROW));

        assertEquals(HexFormat.of().formatHex(sha.digest()), CanonicalRow.hash(prev, ROW));
    }

    @Test
    void genesisIsThirtyTwoZeroBytes() {
        assertArrayEquals(new byte[32], HexFormat.of().parseHex(CanonicalRow.GENESIS_PREV_HASH));
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = CanonicalRow.hash(CanonicalRow.GENESIS_PREV_HASH, ROW);
        TapRecord otherDetail = new TapRecord(3, "T-1", ROW.time(), "3104", 2, "学生", 150, 1000, 850, 7, "PS", -1,
                "", "", 6, 9, "R", "S", Outcome.PAID, SettlementState.DEBITED, "a,c", "", "");
        TapRecord otherState = new TapRecord(3, "T-1", ROW.time(), "3104", 2, "学生", 150, 1000, 850, 7, "PS", -1,
                "", "", 6, 9, "R", "S", Outcome.PAID, SettlementState.COMPLETE, "a,b", "", "");
        assertNotEquals(base, CanonicalRow.hash(CanonicalRow.GENESIS_PREV_HASH, otherDetail));
        assertNotEquals(base, CanonicalRow.hash(CanonicalRow.GENESIS_PREV_HASH, otherState));
        assertNotEquals(base, CanonicalRow.hash("11".repeat(32), ROW));
    }

    @Test
    void lengthPrefixesKeepAdjacentStringsApart() {
        TapRecord routeAb = new TapRecord(1, "T", ROW.time(), "", 0, "", 0, 0, 0, 0, "", 0, "", "", 0, 0, "ab", "",
                Outcome.PAID, SettlementState.COMPLETE, "", "", "");
        TapRecord stopB = new TapRecord(1, "T", ROW.time(), "", 0, "", 0, 0, 0, 0, "", 0, "", "", 0, 0, "a", "b",
                Outcome.PAID, SettlementState.COMPLETE, "", "", "");
        assertNotEquals(CanonicalRow.hash(CanonicalRow.GENESIS_PREV_HASH, routeAb),
                CanonicalRow.hash(CanonicalRow.GENESIS_PREV_HASH, stopB));
    }

    private static void string(ByteBuffer b, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(utf8.length).put(utf8);
    }
}
