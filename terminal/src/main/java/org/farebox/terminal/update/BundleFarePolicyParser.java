package org.farebox.terminal.update;

import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.BundleFarePolicy;
import org.farebox.terminal.fare.FarePolicy;

/**
 * Reads a compiled GTFS-Fares bundle (FBFT, docs/fare-bundle.md) from an update: decoded and checked in full (CRC,
 * every index, the model's and the extensions' constructors); its table version must be the update's version.
 */
public final class BundleFarePolicyParser implements FarePolicyParser {
    @Override
    public FarePolicy parse(SignedUpdate update) throws UpdateRejectedException {
        BundleFarePolicy policy;
        try {
            policy = BundleFarePolicy.of(update.payload());
        } catch (IllegalArgumentException e) {
            throw Payloads.invalid("the fare bundle does not pass its checks: " + e.getMessage());
        }
        if (policy.version() != update.version()) {
            throw Payloads.invalid("the fare bundle says version " + policy.version() + " but was signed as version "
                    + update.version());
        }
        return policy;
    }
}
