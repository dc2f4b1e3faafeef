package org.farebox.simulator.card;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a virtual card persists its image after every change (debit, MAC failure, block). A card whose
 * store fails keeps its previous state and answers 6581 (memory failure), like a card whose EEPROM write fails.
 */
@FunctionalInterface
public interface CardStore {
    void save(CardImage image) throws IOException;

    /** Keeps nothing: the card lives only in memory (tests). */
    static CardStore inMemory() {
        return image -> { };
    }

    /** Saves the JSON image atomically to {@code path} (see {@link CardImage#save}). */
    static CardStore file(Path path) {
        return image -> image.save(path);
    }
}
