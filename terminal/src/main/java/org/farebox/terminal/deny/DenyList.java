package org.farebox.terminal.deny;

import java.util.Optional;

/** Card serials the operator has blocked, each with the operator's reason. */
public interface DenyList {

    /** The reason the card is denied ("" if the operator gave none), or empty if it is not denied. */
    Optional<String> reason(String cardSerial);

    default boolean isDenied(String cardSerial) {
        return reason(cardSerial).isPresent();
    }

    /** Number of denied cards. */
    long size();
}
