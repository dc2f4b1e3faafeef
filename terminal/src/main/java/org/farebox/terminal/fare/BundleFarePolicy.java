package org.farebox.terminal.fare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.farebox.fare.card.CardJourneyState;
import org.farebox.fare.card.CardStateRead;
import org.farebox.fare.engine.FareEngine;
import org.farebox.fare.engine.JourneyState;
import org.farebox.fare.engine.Leg;
import org.farebox.fare.engine.NextLegFare;
import org.farebox.fare.extension.Adjustment;
import org.farebox.fare.extension.ExtensionEvaluator;
import org.farebox.fare.extension.LegOutcome;
import org.farebox.fare.extension.PricedLeg;
import org.farebox.fare.gtfs.bundle.BundleException;
import org.farebox.fare.gtfs.bundle.FareBundle;
import org.farebox.fare.model.FareMedium;
import org.farebox.fare.model.FareTable;
import org.tinylog.Logger;

/**
 * Prices a single-tap bus leg from a compiled GTFS-Fares bundle: the rider category from the card type (the
 * bundle's farebox_card_types), the journey so far from Farebox's bytes of the card's 0x1A record (so transfers
 * work across vehicles offline), the GTFS engine, then caps and promotions with the card's accumulators. The quote
 * carries the new card state, written with the purchase. A card whose bytes are blank, foreign or corrupt is priced
 * as a fresh journey; a leg the table has no fare for is refused.
 */
public final class BundleFarePolicy implements FarePolicy {
    /** The GTFS fare_media_type of a physical transit card: the medium a T-Union card rides as. */
    static final int TRANSIT_CARD_MEDIA_TYPE = 2;

    private final FareTable table;
    private final FareEngine engine = new FareEngine();
    private final ExtensionEvaluator extensions;
    private final CardJourneyBridge bridge;
    private final String cardMedium;

    public BundleFarePolicy(FareTable table) {
        this.table = table;
        this.extensions = new ExtensionEvaluator(table.extensions());
        this.bridge = new CardJourneyBridge(table);
        this.cardMedium = table.fareMedia().stream().filter(m -> m.type() == TRANSIT_CARD_MEDIA_TYPE)
                .map(FareMedium::id).findFirst().orElse("");
    }

    /** Decodes and checks a bundle; a bad one is an {@link IllegalArgumentException} naming what is wrong. */
    public static BundleFarePolicy of(byte[] bundle) {
        try {
            return new BundleFarePolicy(FareBundle.decode(bundle).table());
        } catch (BundleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Loads a bundle file; the message of a failure names the file. */
    public static BundleFarePolicy load(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read fare bundle " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fare bundle " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FareQuote quote(FareRequest request) {
        String category = table.extensions().cardTypes().riderCategory(request.cardType())
                .orElse(table.index().defaultRiderCategoryId());
        String network = table.networkOfRoute(request.route()).orElse("");
        LocalDateTime local = request.time().withZoneSameInstant(table.zone()).toLocalDateTime();
        Leg leg = new Leg(network, request.route(), request.stopId(), "", request.time().toInstant(),
                Optional.empty(), category, cardMedium);
        CardJourneyState card = cardState(request);
        NextLegFare next;
        try {
            JourneyState journey = bridge.resume(card, table.zone());
            next = engine.priceNextLeg(table, journey, leg);
        } catch (IllegalArgumentException e) {
            // The card's times can be anything (clock set back, another terminal's bug): price afresh rather than fail.
            Logger.warn("card journey state unusable ({}); priced as a fresh journey", e.getMessage());
            card = CardJourneyState.EMPTY.withRiderState(card.toRiderState(List.of()));
            next = engine.priceNextLeg(table, JourneyState.start(), leg);
        }
        if (!next.fare().known()) {
            return FareQuote.refused(category, "NO FARE", "no fare in table v" + table.version() + " for route "
                    + request.route() + " at stop " + request.stopId() + " (" + category + ")");
        }
        long base = Math.max(0, next.fare().amountFen());
        LegOutcome out = extensions.evaluate(new PricedLeg(base, category, network.isEmpty() ? null : network,
                request.route(), cardMedium.isEmpty() ? null : cardMedium, local), card.toRiderState(List.of()));
        CardJourneyState after = card.withRiderState(out.newState())
                .withLastLeg(bridge.lastLeg(next, local.isBefore(CardJourneyState.EPOCH) ? CardJourneyState.EPOCH
                        : local), null);
        return new FareQuote(out.finalFen(), category, rule(next, out), Optional.of(after), "");
    }

    private static CardJourneyState cardState(FareRequest request) {
        if (request.journey() == null) {
            return CardJourneyState.EMPTY;
        }
        CardStateRead read = CardJourneyState.readFrom(request.journey().encode());
        if (read.status() != CardStateRead.Status.OK && read.status() != CardStateRead.Status.BLANK) {
            Logger.info("card journey state {} ({}): priced as a fresh journey", read.status(), read.detail());
        }
        return read.state();
    }

    private String rule(NextLegFare next, LegOutcome out) {
        List<String> parts = new ArrayList<>();
        parts.add("gtfs v" + table.version());
        parts.add("product=" + next.fare().fareProductId());
        next.fare().transfer().ifPresent(t -> parts.add("transfer=" + t.fareProductId()));
        for (Adjustment a : out.adjustments()) {
            parts.add(a.kind().name().toLowerCase(java.util.Locale.ROOT) + "=" + a.sourceId() + ":" + a.fen());
        }
        return String.join(";", parts);
    }

    @Override
    public long version() {
        return table.version();
    }

    public FareTable table() {
        return table;
    }
}
