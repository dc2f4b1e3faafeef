package org.farebox.terminal.update;

import org.farebox.protocol.fare.FlatFareTable;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.FarePolicy;
import org.farebox.terminal.fare.FlatFarePolicy;

/** Reads a {@code farebox-flat-fare/1} table from an update; its version must be the update's version. */
public final class FlatFareTableParser implements FarePolicyParser {
    @Override
    public FarePolicy parse(SignedUpdate update) throws UpdateRejectedException {
        String text = Payloads.utf8(update.payload(), "the fare table");
        FlatFareTable table;
        try {
            table = FlatFareTable.parse(text);
        } catch (IllegalArgumentException e) { // JsonException included
            throw Payloads.invalid("the fare table does not pass its checks: " + e.getMessage());
        }
        if (table.version() != update.version()) {
            throw Payloads.invalid("the fare table says version " + table.version() + " but was signed as version "
                    + update.version());
        }
        return new FlatFarePolicy(table);
    }
}
