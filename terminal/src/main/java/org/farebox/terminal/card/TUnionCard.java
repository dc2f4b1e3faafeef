package org.farebox.terminal.card;

import java.util.Optional;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.ManagementInfo;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.protocol.pboc.PurchaseInitResponse;
import org.farebox.protocol.pboc.PurseLogRecord;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.protocol.pboc.TUnion;
import org.tinylog.Logger;

/**
 * A T-Union / PBOC e-purse card in the field, spoken to command by command. Every answer is checked for
 * its status word and its length before it is parsed, so a card that answers garbage becomes a
 * {@link CardDataException} and never a wrong number in the ledger.
 */
public final class TUnionCard {
    private final CardLink link;
    private final StringBuilder trail = new StringBuilder();

    public TUnionCard(CardLink link) {
        this.link = link;
    }

    /** What SELECT found: whether the application is blocked (6283) and whether it was the legacy DF. */
    public record Selection(boolean blocked, boolean legacy) {
    }

    /** The card's proof of a purchase: TAC and MAC2. */
    public record Proof(byte[] tac, byte[] mac2) {
    }

    /** Selects the MoT application, falling back to the legacy e-purse DF 1001. */
    public Selection select() throws CardFault {
        CardResponse r = send("SELECT AID", CardCommands.selectAid(TUnion.AID));
        boolean legacy = false;
        if (r.statusWord() == StatusWord.FILE_NOT_FOUND) {
            r = send("SELECT 1001", CardCommands.selectFid(TUnion.EP_DF_FID));
            legacy = true;
        }
        if (r.statusWord() == StatusWord.SELECTED_FILE_INVALIDATED) {
            return new Selection(true, legacy);
        }
        expectOk("SELECT", r);
        return new Selection(false, legacy);
    }

    public PublicBasicData readPublicData() throws CardFault {
        byte[] data = expectData("READ BINARY 15",
                send("READ BINARY 15", CardCommands.readBinary(TUnion.SFI_PUBLIC_BASIC_DATA, TUnion.PUBLIC_BASIC_DATA_LENGTH)),
                TUnion.PUBLIC_BASIC_DATA_LENGTH);
        try {
            return PublicBasicData.parse(data);
        } catch (IllegalArgumentException e) {
            throw new CardDataException("file 0x15 is malformed: " + e.getMessage(), e);
        }
    }

    public ManagementInfo readManagement() throws CardFault {
        byte[] data = expectData("READ BINARY 17",
                send("READ BINARY 17", CardCommands.readBinary(TUnion.SFI_MANAGEMENT, TUnion.MANAGEMENT_LENGTH)),
                TUnion.MANAGEMENT_LENGTH);
        return ManagementInfo.parse(data);
    }

    /** The journey record 0x1A, or an empty one when the card has none yet (6A83). */
    public JourneyRecord readJourney() throws CardFault {
        CardResponse r = send("READ RECORD 1A",
                CardCommands.readRecord(TUnion.SFI_JOURNEY, JourneyRecord.RECORD_NUMBER, TUnion.JOURNEY_LENGTH));
        if (r.statusWord() == StatusWord.RECORD_NOT_FOUND) {
            return JourneyRecord.empty();
        }
        return JourneyRecord.parse(expectData("READ RECORD 1A", r, TUnion.JOURNEY_LENGTH));
    }

    /** The newest record of the purse log 0x18 (the card's own note of its last purchase); empty if none (6A83). */
    public Optional<PurseLogRecord> lastPurseLog() throws CardFault {
        CardResponse r = send("READ RECORD 18",
                CardCommands.readRecord(TUnion.SFI_PURSE_LOG, 1, TUnion.PURSE_LOG_LENGTH));
        if (r.statusWord() == StatusWord.RECORD_NOT_FOUND) {
            return Optional.empty();
        }
        byte[] data = expectData("READ RECORD 18", r, TUnion.PURSE_LOG_LENGTH);
        try {
            return Optional.of(PurseLogRecord.parse(data));
        } catch (IllegalArgumentException e) {
            throw new CardDataException("purse log record is malformed: " + e.getMessage(), e);
        }
    }

    public long balance() throws CardFault {
        byte[] d = expectData("GET BALANCE", send("GET BALANCE", CardCommands.getBalance()), 4);
        return org.farebox.protocol.bytes.BigEndian.read(d, 0, 4);
    }

    /** INITIALIZE FOR (CAPP) PURCHASE; a refusal such as 9401 (insufficient balance) is a {@link CardStatusException}. */
    public PurchaseInitResponse initializeForPurchase(boolean capp, int keyIndex, long amount, byte[] terminalNo)
            throws CardFault {
        CardResponse r = send("INITIALIZE FOR PURCHASE",
                CardCommands.initializeForPurchase(capp, keyIndex, amount, terminalNo));
        return PurchaseInitResponse.parse(expectData("INITIALIZE FOR PURCHASE", r, PurchaseInitResponse.LENGTH));
    }

    public void updateJourney(JourneyRecord record) throws CardFault {
        expectOk("UPDATE CAPP DATA CACHE", send("UPDATE CAPP DATA CACHE",
                CardCommands.updateCappDataCache(JourneyRecord.RECORD_NUMBER, TUnion.SFI_JOURNEY, record.encode())));
    }

    /** DEBIT FOR PURCHASE: the card commits the debit and answers TAC ‖ MAC2. */
    public Proof debit(byte[] terminalSerial4, byte[] dateTime7, byte[] mac1) throws CardFault {
        byte[] d = expectData("DEBIT FOR PURCHASE",
                send("DEBIT FOR PURCHASE", CardCommands.debitForPurchase(terminalSerial4, dateTime7, mac1)), 8);
        return new Proof(Bytes.slice(d, 0, 4), Bytes.slice(d, 4, 4));
    }

    /** GET TRANSACTION PROVE for the transaction that left the card at {@code counter}; empty on 9406. */
    public Optional<Proof> transactionProve(int type, int counter) throws CardFault {
        CardResponse r = send("GET TRANSACTION PROVE", CardCommands.getTransactionProve(type, counter));
        if (r.statusWord() == StatusWord.PROOF_UNAVAILABLE) {
            return Optional.empty();
        }
        byte[] d = expectData("GET TRANSACTION PROVE", r, 8);
        return Optional.of(new Proof(Bytes.slice(d, 4, 4), Bytes.slice(d, 0, 4)));
    }

    public byte[] challenge() throws CardFault {
        return expectData("GET CHALLENGE", send("GET CHALLENGE", CardCommands.getChallenge()), 4);
    }

    public void blockApplication(byte[] mac4) throws CardFault {
        expectOk("APPLICATION BLOCK", send("APPLICATION BLOCK", CardCommands.applicationBlock(mac4)));
    }

    /** The APDUs of this session, one line each, for the log when a tap goes wrong. */
    public String trail() {
        return trail.toString();
    }

    private CardResponse send(String name, byte[] command) throws CardLostException, CardDataException {
        trail.append("> ").append(Hex.of(command)).append('\n');
        CardResponse r = link.transmit(command);
        trail.append("< ").append(Hex.of(r.data())).append(' ').append(StatusWord.hex(r.statusWord())).append('\n');
        Logger.trace("{}: {} -> {}", name, StatusWord.hex(r.statusWord()), r.data().length);
        return r;
    }

    private static void expectOk(String name, CardResponse r) throws CardStatusException {
        if (!r.ok()) {
            throw new CardStatusException(name, r.statusWord());
        }
    }

    private static byte[] expectData(String name, CardResponse r, int length) throws CardFault {
        expectOk(name, r);
        byte[] d = r.data();
        if (d.length != length) {
            throw new CardDataException(name + " answered " + d.length + " bytes, expected " + length, null);
        }
        return d;
    }
}
