package org.farebox.protocol.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TxnBatchTest {

    static List<TxnRow> chain(String terminal, long firstSeq, int count, String prev) {
        List<TxnRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seq = firstSeq + i;
            TxnRow draft = new TxnRow(seq, terminal, 1_790_000_000_000L + seq * 1000, "31000000000000000" + (100 + i % 9),
                    2, "ADULT", 200, 5000, 4800, 12, "000000000042", 77 + seq, "A1B2C3D4", "0F0E0D0C", 9, 3,
                    "R12", "S04", "PAID", "COMPLETE", "", prev, "");
            String hash = RowHash.hash(prev, draft);
            TxnRow row = new TxnRow(seq, terminal, draft.timeMillis(), draft.cardSerial(), 2, "ADULT", 200, 5000, 4800,
                    12, "000000000042", draft.psamSerial(), "A1B2C3D4", "0F0E0D0C", 9, 3, "R12", "S04", "PAID",
                    "COMPLETE", "", prev, hash);
            rows.add(row);
            prev = hash;
        }
        return rows;
    }

    @Test
    void aBatchSurvivesItsWireFormWithHashesIntact() throws Exception {
        TxnBatch batch = new TxnBatch("cdtransit", "BUS-7", chain("BUS-7", 5, 3, RowHash.GENESIS_PREV_HASH));
        TxnBatch back = TxnBatch.decode(batch.encode());
        assertEquals(batch, back);
        assertEquals(5, back.firstSeq());
        assertEquals(7, back.lastSeq());
        assertTrue(back.rows().stream().allMatch(TxnRow::hashIsConsistent));
    }

    @Test
    void theHandWrittenEncoderWritesWhatTheGenericJsonWriterWould() {
        List<TxnRow> rows = new ArrayList<>(chain("BUS-7", 1, 2, RowHash.GENESIS_PREV_HASH));
        TxnRow odd = rows.get(1);
        rows.set(1, new TxnRow(odd.sequence(), odd.terminalId(), odd.timeMillis(), odd.cardSerial(), -1, "學生",
                -1, -1, -1, -1, "", -1, "", "", -1, 0, "R\"1\\2", "S\n\u0001", "GREY", "GREY",
                "card pulled away\ttwice", odd.prevHash(), odd.hash()));
        TxnBatch batch = new TxnBatch("cdtransit", "BUS-7", rows);
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("format", TxnBatch.FORMAT);
        m.put("operator", "cdtransit");
        m.put("terminal", "BUS-7");
        m.put("first_seq", 1L);
        m.put("last_seq", 2L);
        List<Object> list = new ArrayList<>();
        for (TxnRow r : rows) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("seq", r.sequence());
            row.put("time", r.timeMillis());
            row.put("card", r.cardSerial());
            row.put("card_type", (long) r.cardType());
            row.put("rider", r.riderCategory());
            row.put("amount_fen", r.amountFen());
            row.put("balance_before_fen", r.balanceBeforeFen());
            row.put("balance_after_fen", r.balanceAfterFen());
            row.put("counter", (long) r.cardCounter());
            row.put("psam_tno", r.psamTerminalNo());
            row.put("psam_serial", r.psamSerial());
            row.put("tac", r.tac());
            row.put("mac2", r.mac2());
            row.put("txn_type", (long) r.transactionType());
            row.put("fare_version", r.fareTableVersion());
            row.put("route", r.route());
            row.put("stop", r.stop());
            row.put("outcome", r.outcome());
            row.put("state", r.state());
            row.put("detail", r.detail());
            row.put("prev_hash", r.prevHash());
            row.put("hash", r.hash());
            list.add(row);
        }
        m.put("rows", list);
        assertEquals(org.farebox.protocol.json.Json.write(m), new String(batch.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void anAlteredAmountNoLongerMatchesItsHash() throws Exception {
        TxnBatch batch = new TxnBatch("cdtransit", "BUS-7", chain("BUS-7", 1, 2, RowHash.GENESIS_PREV_HASH));
        String text = new String(batch.encode(), StandardCharsets.UTF_8).replaceFirst("\"amount_fen\":200", "\"amount_fen\":2");
        TxnBatch tampered = TxnBatch.decode(text.getBytes(StandardCharsets.UTF_8));
        assertFalse(tampered.rows().get(0).hashIsConsistent());
    }

    @Test
    void rowsThatAreNotConsecutiveAreRefused() {
        List<TxnRow> rows = new ArrayList<>(chain("BUS-7", 1, 3, RowHash.GENESIS_PREV_HASH));
        rows.remove(1);
        byte[] bytes = new TxnBatch("cdtransit", "BUS-7", rows).encode();
        SyncFormatException e = assertThrows(SyncFormatException.class, () -> TxnBatch.decode(bytes));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void everyTruncationAndRandomGarbageIsAFormatErrorNeverAnotherException() {
        byte[] good = new TxnBatch("cdtransit", "BUS-7", chain("BUS-7", 1, 2, RowHash.GENESIS_PREV_HASH)).encode();
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThrows(SyncFormatException.class, () -> TxnBatch.decode(cut), "truncated to " + n);
        }
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            byte[] g = new byte[random.nextInt(200)];
            random.nextBytes(g);
            assertThrows(SyncFormatException.class, () -> TxnBatch.decode(g));
        }
        assertThrows(SyncFormatException.class, () -> TxnBatch.decode(new byte[TxnBatch.MAX_BYTES + 1]));
    }

    @Test
    void anAckSurvivesItsWireFormAndRejectsNonsense() throws Exception {
        TxnAck ack = new TxnAck("BUS-7", 5, 9, TxnAck.Result.STORED, 3, 2, "");
        assertEquals(ack, TxnAck.decode(ack.encode()));
        byte[] backwards = new TxnAck("BUS-7", 9, 5, TxnAck.Result.STORED, 0, 0, "").encode();
        assertThrows(SyncFormatException.class, () -> TxnAck.decode(backwards));
        assertThrows(SyncFormatException.class, () -> TxnAck.decode("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void topicsAreBuiltAndParsedAndRefuseWildcards() {
        Topics t = new Topics("cdtransit");
        assertEquals("farebox/v1/cdtransit/terminal/BUS-7/txn", t.txn("BUS-7"));
        Topics.TerminalTopic parsed = Topics.parseTerminalTopic(t.ack("BUS-7")).orElseThrow();
        assertEquals("BUS-7", parsed.terminalId());
        assertEquals("ack", parsed.leaf());
        assertThrows(IllegalArgumentException.class, () -> t.txn("+"));
        assertThrows(IllegalArgumentException.class, () -> t.cmd("a/b"));
        assertTrue(Topics.parseTerminalTopic("farebox/v1/cdtransit/fleet/keys").isEmpty());
    }
}
