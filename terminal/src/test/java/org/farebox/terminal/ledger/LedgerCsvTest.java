package org.farebox.terminal.ledger;

import static org.farebox.terminal.ledger.LedgerFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCsvTest {

    @TempDir
    Path dir;

    @Test
    void exportHasAHeaderAndOneQuotedRowPerTapInSequenceOrder() throws IOException {
        try (SqliteLedger ledger = open(dir.resolve("ledger.db"))) {
            ledger.append(LedgerFixtures.paid(1));
            TapRecord awkward = ledger.append(TapRecord.draft().time(LedgerFixtures.T0).amountFen(0)
                    .outcome(Outcome.CARD_ERROR).state(SettlementState.NO_DEBIT)
                    .detail("reader said \"6A82\", then\nnothing").build());
            StringWriter out = new StringWriter();
            ledger.exportCsv(out);

            String[] lines = out.toString().split("\r\n", -1);
            assertEquals(String.join(",", LedgerCsv.HEADER), lines[0]);
            assertTrue(lines[1].startsWith("1,T-0042,2025-03-01T07:30:01.123Z,31040000000000000001,1,adult,200,"),
                    lines[1]);
            assertTrue(lines[2].startsWith("2,T-0042,2025-03-01T07:30:00.123Z,,-1,"), lines[2]);
            assertTrue(out.toString().contains(",\"reader said \"\"6A82\"\", then\nnothing\"," + awkward.prevHash()),
                    out.toString());
            assertEquals("", lines[lines.length - 1]);
            assertEquals(4, lines.length);
        }
    }

    @Test
    void plainFieldsAreNotQuoted() {
        assertEquals("abc", LedgerCsv.quote("abc"));
        assertEquals("\"a,b\"", LedgerCsv.quote("a,b"));
        assertEquals("\"a\rb\"", LedgerCsv.quote("a\rb"));
        assertEquals("\"\"\"\"", LedgerCsv.quote("\""));
    }
}
