package org.farebox.terminal.settle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Random;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.ledger.SettlementState;
import org.farebox.terminal.testkit.SamKind;
import org.farebox.terminal.testkit.TerminalBench;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cards whose keys are diversified twice (issuer id, then serial) pay with both SAM kinds. */
class TwoLevelDiversificationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SamKind.class)
    void twoLevelCardPaysAndIsBlockedWithTheRightKeys(SamKind kind) {
        MasterKeys keys = MasterKeys.generate(new Random(5), 2, 1, 1);
        try (TerminalBench bench = TerminalBench.in(dir).sam(kind).keys(keys).start()) {
            VirtualTUnionCard card = bench.cards().adult(1_000);

            TapResult paid = bench.tap(card);

            assertEquals(Display.paid(200, 800, "adult"), paid.display());
            assertEquals(SettlementState.COMPLETE, paid.rows().get(0).state());
            assertEquals(800, card.image().balance());

            bench.denyList().replaceAll(java.util.Map.of(card.image().serialNumber(), "stolen"));
            bench.tap(card);
            assertEquals(true, card.image().blocked(), "APPLICATION BLOCK needs the two-level maintenance key");
        }
    }
}
