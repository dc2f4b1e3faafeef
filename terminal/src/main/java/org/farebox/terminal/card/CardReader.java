package org.farebox.terminal.card;

import java.time.Duration;
import java.util.Optional;

/** The contactless field of the validator. */
public interface CardReader extends AutoCloseable {
    /** Waits up to {@code timeout} for a card and connects to it; empty when none came. */
    Optional<CardLink> awaitCard(Duration timeout) throws ReaderException;

    /** Waits up to {@code timeout} for the field to be empty; true when it is. */
    boolean awaitRemoval(Duration timeout) throws ReaderException;

    /** The reader's name as the platform reports it. */
    String name();

    @Override
    void close();
}
