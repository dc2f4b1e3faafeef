package org.farebox.simulator.card;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PbocCrypto;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.tinylog.Logger;

/**
 * A MoT purchase PSAM holding the issuer's master keys (PROTOCOLS.md §1.4): MF file 0x16 (terminal number),
 * application {@link TUnion#PSAM_AID} with file 0x17 (key info), INIT SAM FOR PURCHASE (8070, one or two
 * diversification levels by Lc), CREDIT SAM FOR PURCHASE (8072), DES INIT for the maintenance key (801A 27)
 * and DES COMPUTE MAC (80FA 05).
 *
 * <p>Choices: 8070 refuses an algorithm id other than 00, a transaction type other than 06/09 and a
 * non-BCD date-time with 6A80 (wrong data) and a key version that is not the one of its key index with
 * 9403; 8072 gets one try per 8070 (success or 9302 both end the session); at serial FFFFFFFF 8070 answers
 * 6985. Files 0x16 and 0x17 are only readable from the MF and the application respectively.
 */
public final class VirtualPsam implements ApduResponder {
    /** Contact card, T=0: 3B 68 00 00 and historical bytes "FBXPSAM1". */
    private static final byte[] ATR = Bytes.concat(Bytes.of(0x3B, 0x68, 0x00, 0x00),
            "FBXPSAM1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final int MF = 0x3F00;
    private static final long MAX_SERIAL = 0xFFFFFFFFL;

    private final MasterKeys masterKeys;
    private final PsamProfile profile;
    private final PsamSerialFile serialFile;
    private long lastSerial;
    private boolean applicationSelected;
    private byte[] expectedMac2;
    private byte[] maintenanceKey;

    /** A PSAM whose transaction serial starts at 0 and lives in memory only. */
    public VirtualPsam(MasterKeys masterKeys, PsamProfile profile) {
        this(masterKeys, profile, null, 0);
    }

    private VirtualPsam(MasterKeys masterKeys, PsamProfile profile, PsamSerialFile serialFile, long lastSerial) {
        masterKeys.keySet(profile.purchaseKeyIndex());
        this.masterKeys = masterKeys;
        this.profile = profile;
        this.serialFile = serialFile;
        this.lastSerial = lastSerial;
    }

    /**
     * A PSAM whose transaction serial is kept in {@code stateFile} (created on first use), so that it never
     * repeats across runs. Fails if the file is unreadable or belongs to another terminal number.
     */
    public static VirtualPsam open(MasterKeys masterKeys, PsamProfile profile, Path stateFile) throws IOException {
        PsamSerialFile file = new PsamSerialFile(stateFile, profile.terminalNo());
        return new VirtualPsam(masterKeys, profile, file, file.load());
    }

    public PsamProfile profile() {
        return profile;
    }

    /** The last terminal transaction serial this PSAM issued (0 before the first 8070). */
    public synchronized long lastTransactionSerial() {
        return lastSerial;
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void powerDown() {
        applicationSelected = false;
        expectedMac2 = null;
        maintenanceKey = null;
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        CommandApdu c = CommandApdu.parse(command);
        if (c == null) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        try {
            return dispatch(c);
        } catch (RuntimeException e) {
            Logger.error(e, "virtual PSAM failed on a command");
            return Responses.sw(StatusWord.MEMORY_FAILURE);
        }
    }

    private byte[] dispatch(CommandApdu c) {
        if (c.cla != 0x00 && c.cla != 0x80) {
            return Responses.sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        int expectedCla;
        switch (c.ins) {
            case 0xA4: case 0xB0: expectedCla = 0x00; break;
            case 0x70: case 0x72: case 0x1A: case 0xFA: expectedCla = 0x80; break;
            default: return Responses.sw(StatusWord.INS_NOT_SUPPORTED);
        }
        if (c.cla != expectedCla) {
            return Responses.sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        switch (c.ins) {
            case 0xA4: return select(c);
            case 0xB0: return readBinary(c);
            default: break;
        }
        if (!applicationSelected) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        switch (c.ins) {
            case 0x70: return initForPurchase(c);
            case 0x72: return creditForPurchase(c);
            case 0x1A: return desInit(c);
            default: return desComputeMac(c);
        }
    }

    private byte[] select(CommandApdu c) {
        if (c.p2 != 0x00 && c.p2 != 0x0C) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.p1 == 0x04) {
            if (c.lc() == 0) {
                return Responses.sw(StatusWord.WRONG_LENGTH);
            }
            if (!Arrays.equals(c.data, TUnion.PSAM_AID)) {
                return Responses.sw(StatusWord.FILE_NOT_FOUND);
            }
            applicationSelected = true;
            byte[] fci = Bytes.concat(Bytes.of(0x6F, 2 + TUnion.PSAM_AID.length, 0x84, TUnion.PSAM_AID.length),
                    TUnion.PSAM_AID);
            return Responses.ok(c.p2 == 0x0C ? new byte[0] : fci);
        }
        if (c.p1 == 0x00) {
            if (c.lc() != 2) {
                return Responses.sw(StatusWord.WRONG_LENGTH);
            }
            if (BigEndian.read(c.data, 0, 2) != MF) {
                return Responses.sw(StatusWord.FILE_NOT_FOUND);
            }
            applicationSelected = false;
            return Responses.sw(StatusWord.OK);
        }
        return Responses.sw(StatusWord.WRONG_P1P2);
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
        if (sfi == TUnion.SFI_PSAM_TERMINAL_NUMBER && !applicationSelected) {
            file = profile.terminalNo();
        } else if (sfi == TUnion.SFI_PSAM_KEY_INFO && applicationSelected) {
            file = profile.keyInfoFile();
        } else {
            return Responses.sw(StatusWord.FILE_NOT_FOUND);
        }
        if (c.p2 >= file.length) {
            return Responses.sw(Responses.WRONG_OFFSET);
        }
        return Responses.read(Bytes.slice(file, c.p2, file.length - c.p2), c.le);
    }

    /** 80 70 00 00 1C|24 random4 counter2 amount4 type1 datetime7 keyVersion1 algId1 card8 [issuer8] [08]. */
    private byte[] initForPurchase(CommandApdu c) {
        if (c.p1 != 0x00 || c.p2 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if ((c.lc() != 0x1C && c.lc() != 0x24) || !c.acceptsAnswerOf(8)) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        expectedMac2 = null;
        byte[] d = c.data;
        byte[] random = Bytes.slice(d, 0, 4);
        int counter = (int) BigEndian.read(d, 4, 2);
        long amount = BigEndian.read(d, 6, 4);
        int type = d[10] & 0xFF;
        byte[] dateTime = Bytes.slice(d, 11, 7);
        int keyVersion = d[18] & 0xFF;
        int algorithmId = d[19] & 0xFF;
        byte[] cardFactor = Bytes.slice(d, 20, 8);
        if ((type != TUnion.TYPE_PURCHASE && type != TUnion.TYPE_CAPP_PURCHASE) || algorithmId != PbocCrypto.ALG_3DES
                || !validDateTime(dateTime)) {
            return Responses.sw(Responses.WRONG_DATA);
        }
        MasterKeys.KeySet keySet = masterKeys.keySet(profile.purchaseKeyIndex());
        if (keyVersion != keySet.version()) {
            return Responses.sw(StatusWord.KEY_INDEX_NOT_SUPPORTED);
        }
        if (lastSerial >= MAX_SERIAL) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        long serial = lastSerial + 1;
        if (!persistSerial(serial)) {
            return Responses.sw(StatusWord.MEMORY_FAILURE);
        }
        byte[] master = keySet.purchase();
        byte[] dpk = c.lc() == 0x1C ? PbocCrypto.diversify(master, cardFactor)
                : PbocCrypto.diversify(master, Bytes.slice(d, 28, 8), cardFactor);
        byte[] serial4 = BigEndian.bytes(serial, 4);
        byte[] sessionKey = PbocCrypto.purchaseSessionKey(dpk, random, counter, serial4);
        byte[] mac1 = PbocCrypto.mac1(sessionKey, amount, type, profile.terminalNo(), dateTime);
        expectedMac2 = PbocCrypto.mac2(sessionKey, amount);
        return Responses.ok(Bytes.concat(serial4, mac1));
    }

    /** 80 72 00 00 04 MAC2: 9000 when it is the MAC2 of the open 8070 session, else 9302. */
    private byte[] creditForPurchase(CommandApdu c) {
        if (c.p1 != 0x00 || c.p2 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() != 4 || c.le != CommandApdu.NO_LE) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        byte[] expected = expectedMac2;
        expectedMac2 = null;
        if (expected == null) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        return Responses.sw(PbocCrypto.sameMac(expected, c.data) ? StatusWord.OK : StatusWord.MAC_INVALID);
    }

    /** 80 1A 27 keyIndex 08|10 cardFactor8 [issuerFactor8]: diversify and hold the card's DAMK. */
    private byte[] desInit(CommandApdu c) {
        if (c.p1 != SamCommands.KEY_USAGE_MAINTENANCE) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if ((c.lc() != 8 && c.lc() != 16) || c.le != CommandApdu.NO_LE) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        maintenanceKey = null;
        MasterKeys.KeySet keySet = masterKeys.keySets().get(c.p2);
        if (keySet == null) {
            return Responses.sw(StatusWord.KEY_INDEX_NOT_SUPPORTED);
        }
        byte[] cardFactor = Bytes.slice(c.data, 0, 8);
        maintenanceKey = c.lc() == 8 ? PbocCrypto.diversify(keySet.maintenance(), cardFactor)
                : PbocCrypto.diversify(keySet.maintenance(), Bytes.slice(c.data, 8, 8), cardFactor);
        return Responses.sw(StatusWord.OK);
    }

    /** 80 FA 05 00 Lc IV8 ‖ data [04]: retail MAC with the key set up by 801A. */
    private byte[] desComputeMac(CommandApdu c) {
        if (c.p1 != 0x05 || c.p2 != 0x00) {
            return Responses.sw(StatusWord.WRONG_P1P2);
        }
        if (c.lc() < 8 || !c.acceptsAnswerOf(4)) {
            return Responses.sw(StatusWord.WRONG_LENGTH);
        }
        if (maintenanceKey == null) {
            return Responses.sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        byte[] iv = Bytes.slice(c.data, 0, 8);
        byte[] data = Bytes.slice(c.data, 8, c.lc() - 8);
        return Responses.ok(PbocCrypto.retailMac(maintenanceKey, iv, data));
    }

    private boolean persistSerial(long serial) {
        if (serialFile != null) {
            try {
                serialFile.save(serial);
            } catch (IOException e) {
                Logger.warn(e, "virtual PSAM could not save its transaction serial; refusing 8070");
                return false;
            }
        }
        lastSerial = serial;
        return true;
    }

    private static boolean validDateTime(byte[] dateTime7) {
        try {
            Bcd.parseDateTime(dateTime7, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
