package org.farebox.terminal.fare;

/** Prices a tap. Pure: no I/O and no clock of its own, so terminal, provisioning and clearing can share it. */
public interface FarePolicy {
    FareQuote quote(FareRequest request);

    /** The version of the fare table behind it, recorded in every ledger row. */
    long version();
}
