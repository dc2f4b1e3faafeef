package org.farebox.simulator.card;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.tinylog.Logger;

/**
 * A contactless T-Union (JT/T 978) e-purse card speaking real APDUs with real 3DES, strict like a real
 * card: SELECT, READ BINARY/RECORD, GET BALANCE, the purchase (8050/80DC/8054/805A), GET CHALLENGE and
 * APPLICATION BLOCK (PROTOCOLS.md §1.3, §1.7–1.9). Every change is persisted through a {@link CardStore}
 * before the card answers; a failed save leaves the previous state and answers 6581.
 *
 * <p>Choices where the sources differ: a read with Le larger than the data answers 6Cxx with the right
 * length; a temporarily blocked application refuses 8050 with 6A81; the application locks permanently
 * (9303) on the third consecutive MAC1 failure; SELECT of FID 1001 answers an FCI without DF name (84);
 * APPLICATION BLOCK is checked with the DAMK of the card's lowest key index; negative balances (overdraft)
 * are reported as 32-bit two's complement.
 */
public final class VirtualTUnionCard implements ApduResponder {
    /** ISO 14443-4 card behind a PC/SC reader: 3B 88 80 01, historical bytes "FBXTUNIO", TCK. */
    private static final byte[] ATR = withTck(Bytes.concat(Bytes.of(0x3B, 0x88, 0x80, 0x01),
            "FBXTUNIO".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    private static final int MF = 0x3F00;

    private enum Selection { NONE, MF, APPLICATION }

    private final CardStore store;
    private final Random random;
    private final PurchaseCommands purchase;
    private volatile CardImage image;
    private Selection selection = Selection.NONE;
    private byte[] challenge;

    /** A card living in memory only. */
    public VirtualTUnionCard(CardImage image) {
        this(image, CardStore.inMemory());
    }

    public VirtualTUnionCard(CardImage image, CardStore store) {
        this(image, store, new SecureRandom());
    }

    VirtualTUnionCard(CardImage image, CardStore store, Random random) {
        this.image = image;
        this.store = store;
        this.random = random;
        this.purchase = new PurchaseCommands(this, random);
    }

    /** Loads the card saved at {@code path}; it saves itself back there after every change. */
    public static VirtualTUnionCard open(Path path) throws IOException {
        return new VirtualTUnionCard(CardImage.load(path), CardStore.file(path));
    }

    /** The card's current persistent state. */
    public CardImage image() {
        return image;
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void powerDown() {
        selection = Selection.NONE;
        challenge = null;
        purchase.closeSession();
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        CommandApdu c = CommandApdu.parse(command);
        byte[] lastChallenge = challenge;
        challenge = null;
        if (c == null || c.cla != 0x80 || (c.ins != 0xDC && c.ins != 0x54)) {
            purchase.closeSession();
        }
        if (c == null) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        try {
            return dispatch(c, lastChallenge);
        } catch (RuntimeException e) {
            // A bug must not look like a card answer the terminal could trust; say "memory failure" and log it.
            Logger.error(e, "virtual card failed on a command");
            purchase.closeSession();
            return Responses.sw(StatusWord.MEMORY_FAILURE);
        }
    }

    private byte[] dispatch(CommandApdu c, byte[] lastChallenge) {
        if (c.cla != 0x00 && c.cla != 0x80 && c.cla != 0x84) {
            return Responses.sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        int expectedCla;
        switch (c.ins) {
            case 0xA4: case 0xB0: case 0xB2: case 0x84: expectedCla = 0x00; break;
            case 0x50: case 0x54: case 0x5A: case 0x5C: case 0xDC: expectedCla = 0x80; break;
            case 0x1E: expectedCla = 0x84; break;
            default: return Responses.sw(StatusWord.INS_NOT_SUPPORTED);
        }
        if (c.cla != expectedCla) {
            return Responses.sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        if (c.ins == 0xA4) {
            return select(c);
        }
        if (c.ins == 0x84) {
            return getChallenge(c);
        }
        if (selection != Selection.APPLICATION) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        switch (c.ins) {
            case 0xB0: return readBinary(c);
            case 0xB2: return readRecord(c);
            case 0x5C: return getBalance(c);
            case 0x50: return purchase.initialize(c);
            case 0xDC: return purchase.updateCache(c);
            case 0x54: return purchase.debit(c);
            case 0x5A: return purchase.prove(c);
            default: return applicationBlock(c, lastChallenge);
        }
    }

    private byte[] select(CommandApdu c) {
        if (c.p2 != 0x00 && c.p2 != 0x0C) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        boolean application;
        if (c.p1 == 0x04) {
            if (c.lc() == 0) {
                return Responses.sw(StatusWord.WRONG_LENGTH);
            }
            if (image.legacy() || !Arrays.equals(c.data, TUnion.AID)) {
                return Responses.sw(StatusWord.FILE_NOT_FOUND);
            }
            application = true;
        } else if (c.p1 == 0x00) {
            if (c.lc() != 2) {
                return Responses.sw(StatusWord.WRONG_LENGTH);
            }
            int fid = ((c.data[0] & 0xFF) << 8) | (c.data[1] & 0xFF);
            if (fid == MF) {
                selection = Selection.MF;
                return Responses.sw(StatusWord.OK);
            }
            if (fid != TUnion.EP_DF_FID) {
                return Responses.sw(StatusWord.FILE_NOT_FOUND);
            }
            application = false;
        } else {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        selection = Selection.APPLICATION;
        byte[] fci = c.p2 == 0x0C ? new byte[0] : fci(application);
        return Responses.data(fci, image.blocked() ? StatusWord.SELECTED_FILE_INVALIDATED : StatusWord.OK);
    }

    /** 6F L [84 08 AID] A5 L 9F0C 1E file-0x15. */
    private byte[] fci(boolean withDfName) {
        byte[] proprietary = Bytes.concat(Bytes.of(0x9F, 0x0C, TUnion.PUBLIC_BASIC_DATA_LENGTH),
                image.publicBasicDataFile());
        byte[] body = Bytes.concat(Bytes.of(0xA5, proprietary.length), proprietary);
        if (withDfName) {
            body = Bytes.concat(Bytes.of(0x84, TUnion.AID.length), TUnion.AID, body);
        }
        return Bytes.concat(Bytes.of(0x6F, body.length), body);
    }

    private byte[] readBinary(CommandApdu c) {
        if ((c.p1 & 0xE0) != 0x80) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        int sfi = c.p1 & 0x1F;
        byte[] file;
        switch (sfi) {
            case TUnion.SFI_PUBLIC_BASIC_DATA: file = image.publicBasicDataFile(); break;
            case TUnion.SFI_CARDHOLDER: file = image.cardholderFile(); break;
            case TUnion.SFI_MANAGEMENT: file = image.managementFile(); break;
            case TUnion.SFI_PURSE_LOG: case TUnion.SFI_JOURNEY: case TUnion.SFI_TRIP_LOG:
                return Responses.sw(Responses.INCOMPATIBLE_FILE_STRUCTURE);
            default: return Responses.sw(StatusWord.FILE_NOT_FOUND);
        }
        if (c.p2 >= file.length) {
            return Responses.sw(Responses.WRONG_OFFSET);
        }
        return Responses.read(Bytes.slice(file, c.p2, file.length - c.p2), c.le);
    }

    private byte[] readRecord(CommandApdu c) {
        if ((c.p2 & 0x07) != 0x04 || c.p2 >> 3 == 0 || c.p1 == 0) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        List<byte[]> records;
        switch (c.p2 >> 3) {
            case TUnion.SFI_PURSE_LOG: records = image.purseLogRecords(); break;
            case TUnion.SFI_TRIP_LOG: records = image.tripLog(); break;
            case TUnion.SFI_JOURNEY: records = List.of(image.journeyFile()); break;
            case TUnion.SFI_PUBLIC_BASIC_DATA: case TUnion.SFI_CARDHOLDER: case TUnion.SFI_MANAGEMENT:
                return Responses.sw(Responses.INCOMPATIBLE_FILE_STRUCTURE);
            default: return Responses.sw(StatusWord.FILE_NOT_FOUND);
        }
        if (c.p1 > records.size()) {
            return Responses.sw(StatusWord.RECORD_NOT_FOUND);
        }
        return Responses.read(records.get(c.p1 - 1), c.le);
    }

    private byte[] getBalance(CommandApdu c) {
        if (c.p1 != 0x00 || c.p2 != 0x02) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0 || c.le != 4) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        return Responses.ok(balance4(image.balance()));
    }

    private byte[] getChallenge(CommandApdu c) {
        if (c.p1 != 0x00 || c.p2 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 0 || c.le != 4) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        byte[] rnd = new byte[4];
        random.nextBytes(rnd);
        challenge = rnd;
        return Responses.ok(rnd.clone());
    }

    /** 84 1E 00 00 04 MAC: retail MAC with the DAMK over the header, IV = challenge ‖ 00000000. */
    private byte[] applicationBlock(CommandApdu c, byte[] lastChallenge) {
        if (c.p1 != 0x00 || c.p2 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 4 || c.le != CommandApdu.NO_LE) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        if (lastChallenge == null) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        CardImage current = image;
        Map.Entry<Integer, CardKeys> keys = current.keys().entrySet().iterator().next();
        byte[] iv = Bytes.concat(lastChallenge, new byte[4]);
        byte[] expected = PbocCrypto.retailMac(keys.getValue().damk(), iv, Bytes.of(0x84, 0x1E, 0x00, 0x00, 0x04));
        if (!PbocCrypto.sameMac(expected, c.data)) {
            return Responses.sw(StatusWord.SECURE_MESSAGING_MAC_WRONG);
        }
        CardImage.Builder b = current.edit();
        b.blocked = true;
        return commit(b.build()) ? Responses.sw(StatusWord.OK) : Responses.sw(StatusWord.MEMORY_FAILURE);
    }

    /** Persists {@code next} and only then makes it the card's state; false when the store failed. */
    boolean commit(CardImage next) {
        try {
            store.save(next);
        } catch (IOException | RuntimeException e) {
            Logger.warn(e, "virtual card {} could not save its state; keeping the previous one", next.serialNumber());
            return false;
        }
        image = next;
        return true;
    }

    static byte[] balance4(long balance) {
        long v = balance & 0xFFFFFFFFL;
        return Bytes.of((int) (v >> 24), (int) (v >> 16), (int) (v >> 8), (int) v);
    }

    private static byte[] withTck(byte[] atr) {
        int tck = 0;
        for (int i = 1; i < atr.length; i++) {
            tck ^= atr[i];
        }
        return Bytes.concat(atr, Bytes.of(tck));
    }
}
