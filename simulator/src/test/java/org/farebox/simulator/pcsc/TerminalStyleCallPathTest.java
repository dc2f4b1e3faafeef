package org.farebox.simulator.pcsc;

import static org.farebox.simulator.pcsc.StandInCards.atr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.pcsc.StandInCards.CounterCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The path the terminal's reader code takes: list terminals, pick by name pattern, wait, connect, transmit. */
@Timeout(10)
class TerminalStyleCallPathTest {
    @Test
    void theTerminalFindsBothReadersByPatternAndTalksToEachCard() throws Exception {
        VirtualReaders readers = new VirtualReaders();
        VirtualReader field = readers.add("Farebox Virtual Contactless 0");
        VirtualReader sam = readers.add("Farebox Virtual SAM 0");
        sam.insert(new CounterCard(atr(0x55)));
        TerminalFactory factory = TerminalFactory.getInstance(SimulatorProvider.TYPE, readers, new SimulatorProvider());

        // What the terminal does, written only against javax.smartcardio:
        List<CardTerminal> all = factory.terminals().list();
        CardTerminal contactless = pick(all, Pattern.compile("(?i).*contactless.*"));
        CardTerminal samSlot = pick(all, Pattern.compile("(?i).*\\bSAM\\b.*"));
        assertEquals("Farebox Virtual Contactless 0", contactless.getName());
        assertEquals("Farebox Virtual SAM 0", samSlot.getName());

        field.insert(StandInCards.echo(atr(1)));
        assertTrue(contactless.waitForCardPresent(1_000));
        Card card = contactless.connect("*");
        String answer = Hex.of(card.getBasicChannel().transmit(new CommandAPDU(Hex.parse("805C000204"))).getBytes());
        assertEquals("805C0002049000", answer);

        Card psam = samSlot.connect("T=0");
        assertEquals(0, psam.getBasicChannel().transmit(new CommandAPDU(Hex.parse("0084000004"))).getData()[0]);
        assertEquals(1, psam.getBasicChannel().transmit(new CommandAPDU(Hex.parse("0084000004"))).getData()[0]);
    }

    private static CardTerminal pick(List<CardTerminal> terminals, Pattern name) throws CardException {
        return terminals.stream().filter(t -> name.matcher(t.getName()).matches()).findFirst()
                .orElseThrow(() -> new CardException("no reader matches " + name));
    }
}
