package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.sw;
import static org.farebox.simulator.card.Terminal.swOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card's persistent image: JSON round trip, saving across runs, clear load errors, failed saves. */
class CardImageTest {
    @TempDir
    Path dir;

    private static byte[] journeyCommand() {
        byte[] journey = JourneyRecord.empty().boarded(12, 3, Fixtures.TERMINAL_NO, Fixtures.NOW, 100).encode();
        return CardCommands.updateCappDataCache(1, TUnion.SFI_JOURNEY, journey);
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        VirtualTUnionCard card = Fixtures.card(5000);
        new Terminal(card, Fixtures.psam()).bootPsam().selectCard().purchase(100, Fixtures.NOW, journeyCommand(),
                CardCommands.updateCappDataCache(0, TUnion.SFI_TRIP_LOG, new byte[48]));
        CardImage image = card.image();

        CardImage copy = CardImage.fromJson(image.toJson());
        assertEquals(image.toJson(), copy.toJson());
        assertEquals(4900, copy.balance());
        assertEquals(1, copy.offlineCounter());
        assertEquals(Fixtures.SERIAL, copy.serialNumber());
        assertEquals(JourneyRecord.STATE_BOARDED, copy.journey().state());
        assertEquals(1, copy.tripLog().size());
        assertEquals(image.lastProof().orElseThrow().counter(), copy.lastProof().orElseThrow().counter());
        assertArrayEquals(image.lastProof().orElseThrow().tac(), copy.lastProof().orElseThrow().tac());
    }

    @Test
    void cardKeepsItsBalanceAndProofAcrossAReload() throws IOException {
        Path file = dir.resolve("card.json");
        Fixtures.image(5000).save(file);
        VirtualTUnionCard first = VirtualTUnionCard.open(file);
        Terminal.Purchase p = new Terminal(first, Fixtures.psam()).bootPsam().selectCard().purchase(250, Fixtures.NOW);

        VirtualTUnionCard second = VirtualTUnionCard.open(file);
        assertEquals(4750, second.image().balance());
        assertEquals(1, second.image().offlineCounter());
        ok(second, CardCommands.selectAid(TUnion.AID));
        assertArrayEquals(Bytes.concat(p.mac2(), p.tac()), ok(second, CardCommands.getTransactionProve(0x06, 1)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void macFailureCountIsSavedToo() throws IOException {
        Path file = dir.resolve("card.json");
        Fixtures.image(5000).save(file);
        VirtualTUnionCard card = VirtualTUnionCard.open(file);
        Terminal t = new Terminal(card, Fixtures.psam()).bootPsam().selectCard();
        PurchaseInitResponse init = t.initialize(false, 10);
        byte[] sam = t.samMac1(init, 10, 0x06, Fixtures.NOW, false);
        sam[5] ^= 0x10;
        t.debit(sam, Fixtures.NOW);

        assertEquals(1, CardImage.load(file).macFailureCount());
    }

    @Test
    void failedSaveKeepsThePreviousStateAndAnswersMemoryFailure() {
        CardStore broken = image -> {
            throw new IOException("disk full");
        };
        VirtualTUnionCard card = new VirtualTUnionCard(Fixtures.image(5000), broken);
        Terminal t = new Terminal(card, Fixtures.psam()).bootPsam().selectCard();
        PurchaseInitResponse init = t.initialize(false, 200);
        byte[] sam = t.samMac1(init, 200, 0x06, Fixtures.NOW, false);

        assertEquals(StatusWord.MEMORY_FAILURE, sw(t.debit(sam, Fixtures.NOW)));
        assertEquals(5000, card.image().balance());
        assertEquals(0, card.image().offlineCounter());
        assertEquals(StatusWord.PROOF_UNAVAILABLE, swOf(card, CardCommands.getTransactionProve(0x06, 1)));
    }

    @Test
    void loadingAMissingFileSaysSo() {
        IOException e = assertThrows(IOException.class, () -> CardImage.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void loadingABrokenImageNamesTheProblem() throws IOException {
        Path file = dir.resolve("card.json");
        String good = Fixtures.image(5000).toJson();

        Files.writeString(file, good.replace("\"balance_fen\":5000", "\"balance_fen\":\"lots\""));
        assertLoadFails(file, "balance_fen");
        Files.writeString(file, good.substring(0, good.length() / 2));
        assertLoadFails(file, "not valid");
        Files.writeString(file, good.replace("farebox-virtual-card/1", "farebox-virtual-card/9"));
        assertLoadFails(file, "format");
        Files.writeString(file, good.replaceFirst("\"file_17\":\"[0-9A-F]{4}", "\"file_17\":\""));
        assertLoadFails(file, "file 0x17 must be 60 bytes");
        Files.writeString(file, good.replace("\"offline_counter\":0", "\"offline_counter\":70000"));
        assertLoadFails(file, "offline_counter");
        Files.writeString(file, good.replace("\"serial\":\"" + Fixtures.SERIAL, "\"serial\":\"31040000000000000000"));
        assertLoadFails(file, "does not match file 0x15");
    }

    private static void assertLoadFails(Path file, String expected) {
        IOException e = assertThrows(IOException.class, () -> CardImage.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void saveRefusesADirectoryThatDoesNotExist() {
        IOException e = assertThrows(IOException.class,
                () -> Fixtures.image(5000).save(dir.resolve("missing").resolve("card.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
