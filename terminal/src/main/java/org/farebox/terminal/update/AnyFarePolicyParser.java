package org.farebox.terminal.update;

import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.FarePolicy;

/** Chooses by the payload's first bytes: a GTFS-Fares bundle ("FBFT") or the flat JSON table. */
public final class AnyFarePolicyParser implements FarePolicyParser {
    private final FarePolicyParser bundle = new BundleFarePolicyParser();
    private final FarePolicyParser flat = new FlatFareTableParser();

    @Override
    public FarePolicy parse(SignedUpdate update) throws UpdateRejectedException {
        return FareBundle.looksLikeBundle(update.payload()) ? bundle.parse(update) : flat.parse(update);
    }
}
