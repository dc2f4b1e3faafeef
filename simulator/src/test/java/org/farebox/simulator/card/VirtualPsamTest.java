package org.farebox.simulator.card;

import static org.farebox.simulator.card.Terminal.ok;
import static org.farebox.simulator.card.Terminal.swOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual PSAM on its own: files, 8070/8072 and their refusals, serial persistence. */
class VirtualPsamTest {
    private static final byte[] RANDOM = Hex.parse("11223344");
    private final VirtualPsam psam = Fixtures.psam();

    /** 8070 data with one level for the fixture card: random 11223344, counter 0, amount 0x1000, type 06. */
    private static byte[] data(int type, int keyVersion, int algorithmId) {
        return Bytes.concat(RANDOM, Hex.parse("0000"), Hex.parse("00001000"), Bytes.of(type),
                Bcd.dateTime(Fixtures.NOW), Bytes.of(keyVersion, algorithmId), Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8));
    }

    private void selectApplication() {
        ok(psam, CardCommands.selectAid(TUnion.PSAM_AID));
    }

    @Test
    void filesAreReadableFromTheirOwnDirectoryOnly() {
        assertArrayEquals(Fixtures.TERMINAL_NO, ok(psam, CardCommands.readBinary(TUnion.SFI_PSAM_TERMINAL_NUMBER, 6)));
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(psam, CardCommands.readBinary(TUnion.SFI_PSAM_KEY_INFO, 25)));
        selectApplication();
        byte[] keyInfo = ok(psam, CardCommands.readBinary(TUnion.SFI_PSAM_KEY_INFO, 25));
        assertEquals(1, keyInfo[0]);
        assertEquals(LocalDate.of(2099, 12, 31), Bcd.parseDate(keyInfo, 21));
        assertEquals(StatusWord.FILE_NOT_FOUND, swOf(psam, CardCommands.readBinary(TUnion.SFI_PSAM_TERMINAL_NUMBER, 6)));
        ok(psam, CardCommands.selectFid(0x3F00));
        assertEquals(6, ok(psam, CardCommands.readBinary(TUnion.SFI_PSAM_TERMINAL_NUMBER, 0)).length);
    }

    @Test
    void mac1IsComputedWithTheCardKeyAndTheNextSerial() {
        selectApplication();
        byte[] answer = ok(psam, SamCommands.initSamForPurchase(data(0x06, 0x01, 0x00)));

        byte[] dpk = PbocCrypto.diversify(Fixtures.ONE_LEVEL.keySet(1).purchase(),
                Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8));
        byte[] sessionKey = PbocCrypto.purchaseSessionKey(dpk, RANDOM, 0, Hex.parse("00000001"));
        assertArrayEquals(Hex.parse("00000001"), Bytes.slice(answer, 0, 4));
        assertArrayEquals(PbocCrypto.mac1(sessionKey, 0x1000, 0x06, Fixtures.TERMINAL_NO, Bcd.dateTime(Fixtures.NOW)),
                Bytes.slice(answer, 4, 4));
        assertEquals(StatusWord.OK, swOf(psam, SamCommands.creditSamForPurchase(PbocCrypto.mac2(sessionKey, 0x1000))));
    }

    @Test
    void initRefusesWrongKeyVersionAlgorithmTypeAndLength() {
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(psam, SamCommands.initSamForPurchase(data(6, 1, 0))),
                "the MoT application must be selected first");
        selectApplication();
        assertEquals(StatusWord.KEY_INDEX_NOT_SUPPORTED, swOf(psam, SamCommands.initSamForPurchase(data(6, 2, 0))));
        assertEquals(0x6A80, swOf(psam, SamCommands.initSamForPurchase(data(6, 1, 4))));
        assertEquals(0x6A80, swOf(psam, SamCommands.initSamForPurchase(data(7, 1, 0))));
        byte[] badDate = data(6, 1, 0);
        badDate[13] = 0x13;
        assertEquals(0x6A80, swOf(psam, SamCommands.initSamForPurchase(badDate)));
        byte[] odd = Bytes.concat(Bytes.of(0x80, 0x70, 0x00, 0x00, 0x1D), data(6, 1, 0), Bytes.of(0x00, 0x08));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(psam, odd));
        byte[] p1 = SamCommands.initSamForPurchase(data(6, 1, 0));
        p1[2] = 0x01;
        assertEquals(StatusWord.WRONG_P1P2, swOf(psam, p1));
        assertEquals(0, psam.lastTransactionSerial(), "no refused 8070 consumes a serial");
    }

    @Test
    void creditChecksMac2OfTheCurrentSessionOnly() {
        selectApplication();
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(psam, SamCommands.creditSamForPurchase(new byte[4])));
        ok(psam, SamCommands.initSamForPurchase(data(6, 1, 0)));
        byte[] dpk = PbocCrypto.diversify(Fixtures.ONE_LEVEL.keySet(1).purchase(),
                Bytes.slice(Bcd.digits(Fixtures.SERIAL), 2, 8));
        byte[] firstMac2 = PbocCrypto.mac2(PbocCrypto.purchaseSessionKey(dpk, RANDOM, 0, Hex.parse("00000001")), 0x1000);
        ok(psam, SamCommands.initSamForPurchase(data(6, 1, 0)));

        assertEquals(StatusWord.MAC_INVALID, swOf(psam, SamCommands.creditSamForPurchase(firstMac2)),
                "a new 8070 replaces the session");
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(psam, SamCommands.creditSamForPurchase(firstMac2)),
                "one try per session");
    }

    @Test
    void desComputeNeedsAKeyFromDesInit() {
        selectApplication();
        assertEquals(StatusWord.CONDITIONS_NOT_SATISFIED, swOf(psam, SamCommands.desComputeMac(new byte[8], new byte[5])));
        assertEquals(StatusWord.WRONG_P1P2, swOf(psam, SamCommands.desInit(0x44, 1, new byte[8])));
        assertEquals(StatusWord.KEY_INDEX_NOT_SUPPORTED, swOf(psam, SamCommands.desInit(0x27, 9, new byte[8])));
        assertEquals(StatusWord.WRONG_LENGTH, swOf(psam, SamCommands.desInit(0x27, 1, new byte[9])));
        ok(psam, SamCommands.desInit(0x27, 2, new byte[8]));
        assertEquals(4, ok(psam, SamCommands.desComputeMac(new byte[8], new byte[5])).length);
    }

    @Test
    void transactionSerialSurvivesARestart(@TempDir Path dir) throws IOException {
        Path state = dir.resolve("psam.json");
        VirtualPsam first = VirtualPsam.open(Fixtures.ONE_LEVEL, PsamProfile.of(Fixtures.TERMINAL_NO, 1), state);
        ok(first, CardCommands.selectAid(TUnion.PSAM_AID));
        ok(first, SamCommands.initSamForPurchase(data(6, 1, 0)));
        ok(first, SamCommands.initSamForPurchase(data(6, 1, 0)));

        VirtualPsam second = VirtualPsam.open(Fixtures.ONE_LEVEL, PsamProfile.of(Fixtures.TERMINAL_NO, 1), state);
        assertEquals(2, second.lastTransactionSerial());
        ok(second, CardCommands.selectAid(TUnion.PSAM_AID));
        assertArrayEquals(Hex.parse("00000003"), Bytes.slice(ok(second, SamCommands.initSamForPurchase(data(6, 1, 0))), 0, 4));
    }

    @Test
    void stateFileOfAnotherTerminalIsRejected(@TempDir Path dir) throws IOException {
        Path state = dir.resolve("psam.json");
        VirtualPsam first = VirtualPsam.open(Fixtures.ONE_LEVEL, PsamProfile.of(Fixtures.TERMINAL_NO, 1), state);
        ok(first, CardCommands.selectAid(TUnion.PSAM_AID));
        ok(first, SamCommands.initSamForPurchase(data(6, 1, 0)));

        IOException e = assertThrows(IOException.class, () -> VirtualPsam.open(Fixtures.ONE_LEVEL,
                PsamProfile.of(Hex.parse("999999999999"), 1), state));
        assertTrue(e.getMessage().contains("belongs to terminal 001122334455"), e.getMessage());
        Files.writeString(state, "{\"format\":\"farebox-virtual-psam/1\"");
        assertThrows(IOException.class, () -> VirtualPsam.open(Fixtures.ONE_LEVEL,
                PsamProfile.of(Fixtures.TERMINAL_NO, 1), state));
    }

    @Test
    void psamWithoutKeysForItsIndexCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class,
                () -> new VirtualPsam(Fixtures.ONE_LEVEL, PsamProfile.of(Fixtures.TERMINAL_NO, 5)));
    }
}
