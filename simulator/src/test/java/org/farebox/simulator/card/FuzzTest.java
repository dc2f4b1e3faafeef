package org.farebox.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;

/** Random, truncated and mutated APDUs: every answer is a status word and no money moves without MAC1. */
class FuzzTest {
    private static final int COMMANDS = 10_000;

    /** Commands the card knows, as seeds to truncate and mutate. */
    private static final byte[][] SEEDS = {
        CardCommands.selectAid(TUnion.AID),
        CardCommands.selectFid(TUnion.EP_DF_FID),
        CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, 30),
        CardCommands.readRecord(TUnion.SFI_PURSE_LOG, 1, 23),
        CardCommands.getBalance(),
        CardCommands.initializeForPurchase(false, 1, 100, Fixtures.TERMINAL_NO),
        CardCommands.initializeForPurchase(true, 1, 100, Fixtures.TERMINAL_NO),
        CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[48]),
        CardCommands.debitForPurchase(Hex.parse("00000001"), Bcd.dateTime(Fixtures.NOW), new byte[4]),
        CardCommands.getTransactionProve(0x06, 1),
        CardCommands.getChallenge(),
        CardCommands.applicationBlock(new byte[4]),
        SamCommands.initSamForPurchase(new byte[0x1C]),
    };

    private static byte[] next(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0: {
                byte[] b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
                return b;
            }
            case 1: {
                byte[] seed = SEEDS[rnd.nextInt(SEEDS.length)];
                return Bytes.slice(seed, 0, rnd.nextInt(seed.length + 1));
            }
            case 2: {
                byte[] b = SEEDS[rnd.nextInt(SEEDS.length)].clone();
                for (int n = rnd.nextInt(3) + 1; n > 0; n--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            default:
                return SEEDS[rnd.nextInt(SEEDS.length)].clone();
        }
    }

    private static void assertStatusWord(byte[] answer, byte[] command) {
        assertTrue(answer != null && answer.length >= 2, "no status word for " + Hex.of(command));
        int sw1 = answer[answer.length - 2] & 0xFF;
        assertTrue((sw1 >= 0x61 && sw1 <= 0x6F) || (sw1 >= 0x90 && sw1 <= 0x9F),
                "not a status word: " + Hex.of(answer) + " for " + Hex.of(command));
        // 6581 is what the catch-all answers when a command throws: in memory it would mean a bug.
        assertTrue(Terminal.sw(answer) != 0x6581, "internal failure on " + Hex.of(command));
    }

    @Test
    void randomApdusNeverBreakTheCardOrMoveMoney() {
        Random rnd = new Random(20240315L);
        for (int round = 0; round < 10; round++) {
            VirtualTUnionCard card = Fixtures.card(5000);
            for (int i = 0; i < COMMANDS / 10; i++) {
                byte[] command = next(rnd);
                assertStatusWord(card.process(command), command);
                if (rnd.nextInt(50) == 0) {
                    card.powerDown();
                }
            }
            CardImage image = card.image();
            assertEquals(5000, image.balance(), "round " + round);
            assertEquals(0, image.offlineCounter(), "round " + round);
            assertTrue(image.purseLog().isEmpty(), "round " + round);
            assertTrue(image.tripLog().isEmpty(), "round " + round);
        }
    }

    @Test
    void randomApdusNeverBreakThePsam() {
        Random rnd = new Random(7L);
        VirtualPsam psam = Fixtures.psam();
        psam.process(CardCommands.selectAid(TUnion.PSAM_AID));
        for (int i = 0; i < COMMANDS; i++) {
            byte[] command = next(rnd);
            assertStatusWord(psam.process(command), command);
        }
    }
}
