package org.farebox.terminal.sam;

import java.util.Arrays;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.SamCommands;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.tinylog.Logger;

/**
 * A MoT PSAM in a PC/SC reader slot (PROTOCOLS.md §1.4). At start it reads the terminal number at MF
 * level, selects the PSAM application and reads the purchase key index, then holds the card exclusively.
 *
 * <p>A PSAM keeps one purchase session: MAC2 can only be checked for the latest 8070, so a purchase
 * recovered later (torn tap, restart) reports {@link Mac2Check#UNAVAILABLE} and the clearing host checks
 * its TAC instead.
 */
public final class PcscPsam implements Sam {
    private final Card card;
    private final CardChannel channel;
    private final byte[] terminalNumber;
    private final int keyIndex;
    private final int diversificationLevels;
    private long sessions;

    private PcscPsam(Card card, byte[] terminalNumber, int keyIndex, int diversificationLevels) {
        this.card = card;
        this.channel = card.getBasicChannel();
        this.terminalNumber = terminalNumber;
        this.keyIndex = keyIndex;
        this.diversificationLevels = diversificationLevels;
    }

    /** Connects to the PSAM in {@code slot} with one-level key diversification and reads its identity. */
    public static PcscPsam open(CardTerminal slot) throws SamException {
        return open(slot, 1);
    }

    /**
     * Connects to the PSAM in {@code slot} and reads its identity. With two diversification levels the
     * issuer id goes to the PSAM after the card serial (8070 Lc 24, 801A with 16 bytes of factors).
     * PC/SC exclusive access belongs to the calling thread: use the PSAM from the thread that opened it.
     */
    public static PcscPsam open(CardTerminal slot, int diversificationLevels) throws SamException {
        if (diversificationLevels != 1 && diversificationLevels != 2) {
            throw new IllegalArgumentException("diversification levels must be 1 or 2");
        }
        Card card;
        try {
            if (!slot.isCardPresent()) {
                throw new SamException("no PSAM in reader " + slot.getName(), null);
            }
            card = slot.connect("*");
            card.beginExclusive();
        } catch (CardException e) {
            throw new SamException("cannot connect to the PSAM in " + slot.getName() + ": " + e.getMessage(), e);
        }
        CardChannel ch = card.getBasicChannel();
        byte[] terminalNo = data(ch, "READ BINARY 16", CardCommands.readBinary(TUnion.SFI_PSAM_TERMINAL_NUMBER, 6), 6);
        data(ch, "SELECT PSAM", CardCommands.selectAid(TUnion.PSAM_AID), -1);
        byte[] keyInfo = data(ch, "READ BINARY 17",
                CardCommands.readBinary(TUnion.SFI_PSAM_KEY_INFO, TUnion.PSAM_KEY_INFO_LENGTH), TUnion.PSAM_KEY_INFO_LENGTH);
        Logger.info("PSAM in {}: terminal number {}, purchase key index {}", slot.getName(), Hex.of(terminalNo),
                keyInfo[0] & 0xFF);
        return new PcscPsam(card, terminalNo, keyInfo[0] & 0xFF, diversificationLevels);
    }

    @Override
    public byte[] terminalNumber() {
        return terminalNumber.clone();
    }

    @Override
    public int purchaseKeyIndex() {
        return keyIndex;
    }

    @Override
    public synchronized PurchaseAuthorization authorizePurchase(PurchaseRequest r) throws SamException {
        byte[] body = Bytes.concat(r.cardRandom(), BigEndian.bytes(r.cardCounter(), 2), BigEndian.bytes(r.amount(), 4),
                Bytes.of(r.transactionType()), r.dateTime7(), Bytes.of(r.keyVersion(), r.algorithmId()), factors(
                        r.cardFactor(), r.issuerFactor()));
        ResponseAPDU resp = transmit(channel, SamCommands.initSamForPurchase(body));
        int sw = resp.getSW();
        // 9403: no key for the card's key version; 6A80/6A86: data (algorithm, type) the PSAM does not serve.
        if (sw == StatusWord.KEY_INDEX_NOT_SUPPORTED || sw == StatusWord.WRONG_P1P2 || sw == StatusWord.WRONG_DATA) {
            throw new SamRefusedException("PSAM refused the card's key version/algorithm: " + StatusWord.hex(sw));
        }
        byte[] d = check("INIT SAM FOR PURCHASE", resp, 8);
        return new PurchaseAuthorization(r, BigEndian.read(d, 0, 4), Arrays.copyOfRange(d, 4, 8), ++sessions);
    }

    @Override
    public synchronized Mac2Check confirmPurchase(PurchaseAuthorization a, byte[] mac2) throws SamException {
        if (a.session() != sessions) {
            return Mac2Check.UNAVAILABLE;
        }
        ResponseAPDU resp = transmit(channel, SamCommands.creditSamForPurchase(mac2));
        if (resp.getSW() == StatusWord.OK) {
            return Mac2Check.VALID;
        }
        if (resp.getSW() == StatusWord.MAC_INVALID) {
            return Mac2Check.INVALID;
        }
        throw new SamException("CREDIT SAM FOR PURCHASE answered " + StatusWord.hex(resp.getSW()), null);
    }

    @Override
    public synchronized byte[] maintenanceMac(byte[] cardFactor, byte[] issuerFactor, byte[] iv, byte[] data)
            throws SamException {
        check("DES INIT", transmit(channel, SamCommands.desInit(SamCommands.KEY_USAGE_MAINTENANCE, keyIndex,
                factors(cardFactor, issuerFactor))), 0);
        // The MAC replaces the PSAM's purchase session, so MAC2 of an earlier purchase can no longer be checked.
        sessions++;
        return check("DES COMPUTE", transmit(channel, SamCommands.desComputeMac(iv, data)), 4);
    }

    private byte[] factors(byte[] cardFactor, byte[] issuerFactor) {
        return diversificationLevels == 1 ? cardFactor : Bytes.concat(cardFactor, issuerFactor);
    }

    @Override
    public String describe() {
        return "PSAM, terminal " + Hex.of(terminalNumber) + ", key index " + keyIndex + ", "
                + diversificationLevels + "-level diversification";
    }

    @Override
    public void close() {
        try {
            card.endExclusive();
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            Logger.debug("PSAM disconnect: {}", e.getMessage());
        }
    }

    private static ResponseAPDU transmit(CardChannel ch, byte[] command) throws SamException {
        try {
            return ch.transmit(new CommandAPDU(command));
        } catch (CardException | IllegalStateException e) {
            throw new SamException("PSAM does not answer: " + e.getMessage(), e);
        }
    }

    private static byte[] data(CardChannel ch, String name, byte[] command, int length) throws SamException {
        return check(name, transmit(ch, command), length);
    }

    private static byte[] check(String name, ResponseAPDU r, int length) throws SamException {
        if (r.getSW() != StatusWord.OK) {
            throw new SamException(name + " answered " + StatusWord.hex(r.getSW()) + " (" + StatusWord.describe(r.getSW()) + ")", null);
        }
        byte[] d = r.getData();
        if (length >= 0 && d.length != length) {
            throw new SamException(name + " answered " + d.length + " bytes, expected " + length, null);
        }
        return d;
    }
}
