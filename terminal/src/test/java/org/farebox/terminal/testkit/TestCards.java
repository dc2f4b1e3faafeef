package org.farebox.terminal.testkit;

import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.CardIssuer;
import org.farebox.simulator.card.CardProfile;
import org.farebox.simulator.card.VirtualTUnionCard;

/**
 * Issues virtual T-Union cards from one set of master keys, each with a fresh serial. Profiles default to
 * the simulator's (issuer 0100, valid 2020..2099, key index 01, 3DES) with the balance given.
 */
public final class TestCards {
    /** Card-type codes of file 0x17 as the bench's fare table maps them. */
    public static final int ADULT = 0x01;
    public static final int STUDENT = 0x02;
    public static final int SENIOR = 0x03;

    private final CardIssuer issuer;
    private final String serialPrefix;
    private int issued;

    /** @param serialPrefix 10 digits; the cards get serials prefix + a 10-digit running number */
    public TestCards(MasterKeys keys, String serialPrefix) {
        if (!serialPrefix.matches("[0-9]{10}")) {
            throw new IllegalArgumentException("serial prefix must be 10 digits");
        }
        this.issuer = new CardIssuer(keys);
        this.serialPrefix = serialPrefix;
    }

    /** A profile with the next serial and this balance, to adjust before {@link #issue}. */
    public CardProfile.Builder profile(long balanceFen) {
        issued++;
        return CardProfile.builder(serialPrefix + String.format("%010d", issued)).initialBalance(balanceFen);
    }

    public VirtualTUnionCard issue(CardProfile.Builder profile) {
        return new VirtualTUnionCard(issuer.issue(profile.build()));
    }

    public VirtualTUnionCard adult(long balanceFen) {
        return issue(profile(balanceFen).cardType(ADULT));
    }

    public VirtualTUnionCard student(long balanceFen) {
        return issue(profile(balanceFen).cardType(STUDENT));
    }

    public VirtualTUnionCard senior(long balanceFen) {
        return issue(profile(balanceFen).cardType(SENIOR));
    }
}
