package org.farebox.terminal.ledger;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV export of the taps: header + one row per tap, RFC 4180 (CRLF line ends, fields with a comma,
 * quote, CR or LF are quoted, quotes doubled). Time is ISO-8601 UTC with milliseconds.
 */
final class LedgerCsv {

    static final List<String> HEADER = List.of("sequence", "terminalId", "time", "cardSerial", "cardType",
            "riderCategory", "amountFen", "balanceBeforeFen", "balanceAfterFen", "cardCounter", "psamTerminalNo",
            "psamSerial", "tac", "mac2", "transactionType", "fareTableVersion", "route", "stop", "outcome", "state",
            "detail", "prevHash", "hash");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LedgerCsv() {
    }

    static void write(Connection c, Writer out) throws SQLException, IOException {
        line(out, HEADER);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TapRows.SELECT_ALL)) {
            while (rs.next()) {
                line(out, fields(TapRows.read(rs)));
            }
        }
        out.flush();
    }

    static List<String> fields(TapRecord r) {
        return List.of(Long.toString(r.sequence()), r.terminalId(), TIME.format(r.time()), r.cardSerial(),
                Integer.toString(r.cardType()), r.riderCategory(), Long.toString(r.amountFen()),
                Long.toString(r.balanceBeforeFen()), Long.toString(r.balanceAfterFen()),
                Integer.toString(r.cardCounter()), r.psamTerminalNo(), Long.toString(r.psamSerial()), r.tac(), r.mac2(),
                Integer.toString(r.transactionType()), Long.toString(r.fareTableVersion()), r.route(), r.stop(),
                r.outcome().name(), r.state().name(), r.detail(), r.prevHash(), r.hash());
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
