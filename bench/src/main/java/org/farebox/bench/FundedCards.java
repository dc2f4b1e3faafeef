package org.farebox.bench;

import java.util.ArrayList;
import java.util.List;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.CardIssuer;
import org.farebox.simulator.card.CardProfile;
import org.farebox.simulator.card.VirtualTUnionCard;

/**
 * A few in-memory virtual cards taken in turn, each re-issued before its balance or its 16-bit transaction
 * counter could run out, so every benchmarked tap is a paid purchase.
 */
public final class FundedCards {
    /** Enough for 20 million bus rides: the balance never runs out during a run. */
    static final long BALANCE = 4_000_000_000L;
    private static final int COUNTER_LIMIT = CardImage.MAX_COUNTER - 100;
    private static final long BALANCE_FLOOR = 100_000;

    private final CardIssuer issuer;
    private final List<VirtualTUnionCard> cards = new ArrayList<>();
    private int next;
    private int reissued;

    public FundedCards(MasterKeys keys, int count) {
        this.issuer = new CardIssuer(keys);
        for (int i = 0; i < count; i++) {
            cards.add(issue(i));
        }
    }

    /** The next card in turn, fresh again if it was about to run out. */
    public VirtualTUnionCard next() {
        int i = next;
        next = (next + 1) % cards.size();
        CardImage image = cards.get(i).image();
        if (image.offlineCounter() >= COUNTER_LIMIT || image.balance() < BALANCE_FLOOR) {
            cards.set(i, issue(i));
            reissued++;
        }
        return cards.get(i);
    }

    /** How many times a card had to be re-issued. */
    public int reissued() {
        return reissued;
    }

    private VirtualTUnionCard issue(int i) {
        String serial = String.format("3104510199%010d", i);
        return new VirtualTUnionCard(issuer.issue(CardProfile.builder(serial).initialBalance(BALANCE)
                .purchaseKeyIndex(1).build()));
    }
}
