package org.farebox.terminal.deny;

import java.util.Optional;
import org.farebox.protocol.deny.DenyReason;

/** Card serials and QR accounts the operator has blocked, each with the operator's reason. */
public interface DenyList {

    /**
     * The reason the card is denied (a {@link DenyReason} text such as {@code LOST}, or a technician's note for
     * a local list), or empty if it is not denied.
     */
    Optional<String> reason(String cardSerial);

    default boolean isDenied(String cardSerial) {
        return reason(cardSerial).isPresent();
    }

    /** The reason a QR-code account is denied, or empty if it is not denied. */
    Optional<DenyReason> accountReason(String account);

    /** Number of denied cards. */
    long size();
}
