package org.farebox.provisioning.card;

import java.util.Map;
import java.util.Optional;

/** The card-type codes of file 0x17 by the names the default fare table gives them. */
public final class CardTypes {
    private static final Map<String, Integer> BY_NAME = Map.of("adult", 0x01, "student", 0x02, "senior", 0x03,
            "free", 0x04);

    private CardTypes() {
    }

    /** A name (adult, student, senior, free) or a 2-hex-digit code; empty when it is neither. */
    public static Optional<Integer> parse(String text) {
        Integer named = BY_NAME.get(text.toLowerCase(java.util.Locale.ROOT));
        if (named != null) {
            return Optional.of(named);
        }
        if (text.matches("[0-9A-Fa-f]{2}")) {
            return Optional.of(Integer.parseInt(text, 16));
        }
        return Optional.empty();
    }

    /** "01 adult", or just "7F" for a code without a name. */
    public static String describe(int code) {
        for (Map.Entry<String, Integer> e : BY_NAME.entrySet()) {
            if (e.getValue() == code) {
                return String.format("%02X %s", code, e.getKey());
            }
        }
        return String.format("%02X", code);
    }
}
