package org.farebox.terminal.card;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/** The contactless reader found by name through a javax.smartcardio {@link TerminalFactory}. */
public final class PcscCardReader implements CardReader {
    private final TerminalFactory factory;
    private final Pattern namePattern;
    private CardTerminal terminal;

    public PcscCardReader(TerminalFactory factory, Pattern namePattern) {
        this.factory = factory;
        this.namePattern = namePattern;
    }

    private CardTerminal terminal() throws ReaderException {
        if (terminal == null) {
            terminal = PcscReaders.find(factory, namePattern, "contactless");
        }
        return terminal;
    }

    @Override
    public Optional<CardLink> awaitCard(Duration timeout) throws ReaderException {
        CardTerminal t = terminal();
        try {
            if (!t.waitForCardPresent(Math.max(1, timeout.toMillis()))) {
                return Optional.empty();
            }
            return Optional.of(new PcscCardLink(t.connect("*")));
        } catch (CardException e) {
            // A card that leaves between presence and connect is just no card; a vanished reader is not.
            if (isPresent(t)) {
                throw new ReaderException("reader " + t.getName() + " failed: " + e.getMessage(), e);
            }
            return Optional.empty();
        }
    }

    private boolean isPresent(CardTerminal t) throws ReaderException {
        try {
            return t.isCardPresent();
        } catch (CardException e) {
            terminal = null;
            throw new ReaderException("reader " + t.getName() + " is gone: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean awaitRemoval(Duration timeout) throws ReaderException {
        CardTerminal t = terminal();
        try {
            return t.waitForCardAbsent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            terminal = null;
            throw new ReaderException("reader " + t.getName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return terminal == null ? namePattern.pattern() : terminal.getName();
    }

    @Override
    public void close() {
        terminal = null;
    }
}
