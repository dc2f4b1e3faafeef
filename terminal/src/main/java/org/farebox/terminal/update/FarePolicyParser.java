package org.farebox.terminal.update;

import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.FarePolicy;

/**
 * Turns the payload of a verified fare-table update into a policy, or refuses it (INVALID_PAYLOAD). The
 * slot does not care what the payload is: today a flat table, next a GTFS-Fares bundle.
 */
@FunctionalInterface
public interface FarePolicyParser {
    FarePolicy parse(SignedUpdate update) throws UpdateRejectedException;
}
