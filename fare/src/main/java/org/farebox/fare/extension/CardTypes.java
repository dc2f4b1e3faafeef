package org.farebox.fare.extension;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * farebox_card_types.txt: which GTFS rider category a T-Union card type (byte of file 0x17) rides as. A card
 * type that is not listed rides as the table's default rider category.
 */
public record CardTypes(Map<Integer, String> riderCategoryByType) {
    /** No mapping: every card rides as the default rider category. */
    public static final CardTypes NONE = new CardTypes(Map.of());

    public CardTypes {
        riderCategoryByType = Map.copyOf(new TreeMap<>(riderCategoryByType));
        riderCategoryByType.forEach((type, category) -> {
            if (type < 0 || type > 0xFF) {
                throw new IllegalArgumentException("card type " + type + " is not a byte");
            }
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("card type " + type + " needs a rider category");
            }
        });
    }

    /** The rider category of a card type byte (0..255), empty when the file does not list it. */
    public Optional<String> riderCategory(int cardType) {
        return Optional.ofNullable(riderCategoryByType.get(cardType & 0xFF));
    }

    /** The mapping in ascending card type order. */
    public TreeMap<Integer, String> sorted() {
        return new TreeMap<>(riderCategoryByType);
    }
}
