package org.farebox.provisioning.card;

import java.io.PrintWriter;
import java.util.List;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.protocol.pboc.PurseLogRecord;
import org.farebox.protocol.pboc.TUnion;
import org.farebox.simulator.card.CardImage;

/** The text of {@code card show}: one field per line, then the purse log as a table, newest first. */
final class CardReport {
    private CardReport() {
    }

    static void print(CardImage image, PrintWriter out) {
        PublicBasicData pub = image.publicBasicData();
        out.printf("serial          %s%n", pub.serialNumber());
        out.printf("issuer          %s (issuer code %s)%n", Hex.of(pub.issuerId()), pub.issuerCode());
        out.printf("type            %s%n", CardTypes.describe(image.managementInfo().cardType()));
        out.printf("balance         %s%n", yuan(image.balance()));
        if (image.overdraftLimit() > 0) {
            out.printf("overdraft limit %s%n", yuan(image.overdraftLimit()));
        }
        out.printf("counter         %d (offline), %d (online)%n", image.offlineCounter(), image.onlineCounter());
        out.printf("valid           %s to %s%n", pub.validFrom(), pub.validUntil());
        out.printf("blocked         %s%n", image.blocked() ? "yes (application blocked)" : "no");
        if (image.locked()) {
            out.printf("locked          yes (after repeated MAC1 failures)%n");
        }
        out.printf("key indexes     %s%n", image.keyIndexes());
        if (image.legacy()) {
            out.printf("legacy          yes (SELECT 1001 only)%n");
        }
        List<PurseLogRecord> log = image.purseLog();
        out.printf("purse log (0x18): %d record%s, newest first%n", log.size(), log.size() == 1 ? "" : "s");
        if (log.isEmpty()) {
            return;
        }
        out.printf("  %-3s %-7s %-14s %12s  %-12s %s%n", "#", "counter", "type", "amount", "terminal", "time");
        int n = 1;
        for (PurseLogRecord r : log) {
            out.printf("  %-3d %-7d %-14s %12s  %-12s %s%n", n++, r.counter(), transactionType(r.transactionType()),
                    yuan(r.amount()), Hex.of(r.terminalNo()), r.time());
        }
    }

    /** Fen as yuan: 5000 -> "¥50.00 (5000 fen)"; negative balances (overdraft) keep their sign. */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        return String.format("%s¥%d.%02d (%d fen)", fen < 0 ? "-" : "", abs / 100, abs % 100, fen);
    }

    private static String transactionType(int type) {
        switch (type) {
            case TUnion.TYPE_LOAD: return "02 load";
            case TUnion.TYPE_PURCHASE: return "06 purchase";
            case TUnion.TYPE_CAPP_PURCHASE: return "09 capp";
            default: return String.format("%02X", type);
        }
    }
}
