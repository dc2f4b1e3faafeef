package org.farebox.terminal.ledger;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * Run in a child JVM by {@link LedgerCrashTest}: writes taps and intents until killed, printing each
 * fact only after the ledger call that made it durable has returned.
 *
 * <p>Lines: {@code @T seq} a plain tap; {@code @I id} an intent recorded; {@code @R id seq} intent id
 * resolved into row seq (its detail is {@code intent=id}).
 */
public final class LedgerCrashChild {

    private LedgerCrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (SqliteLedger ledger = SqliteLedger.open(file, LedgerFixtures.TERMINAL, LedgerOptions.defaults())) {
            for (PurchaseIntent left : ledger.openIntents()) {
                report(out, "@R " + left.id() + " " + resolve(ledger, left).sequence());
            }
            for (int n = 1; n <= 100_000; n++) {
                if (random.nextInt(10) < 6) {
                    report(out, "@T " + ledger.append(LedgerFixtures.paid(n)).sequence());
                    continue;
                }
                PurchaseIntent intent = ledger.recordIntent(LedgerFixtures.intent(n));
                report(out, "@I " + intent.id());
                if (random.nextBoolean()) {
                    ledger.markDebited(intent.id(), "0A1B2C3D", "11223344");
                }
                if (random.nextInt(5) > 0) {
                    report(out, "@R " + intent.id() + " " + resolve(ledger, intent).sequence());
                }
            }
        }
    }

    private static TapRecord resolve(Ledger ledger, PurchaseIntent intent) {
        return ledger.resolve(intent.id(), TapRecord.draft().from(intent).time(intent.createdAt())
                .outcome(Outcome.PAID).state(SettlementState.COMPLETE).detail("intent=" + intent.id()).build());
    }

    private static void report(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }
}
