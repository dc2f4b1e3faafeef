package org.farebox.terminal.settle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.CardCommands;
import org.farebox.protocol.pboc.JourneyRecord;
import org.farebox.protocol.pboc.PublicBasicData;
import org.farebox.terminal.card.CardFault;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.card.CardLostException;
import org.farebox.terminal.card.TUnionCard;
import org.farebox.terminal.deny.DenyList;
import org.farebox.terminal.fare.FarePolicy;
import org.farebox.terminal.fare.FareQuote;
import org.farebox.terminal.fare.FareRequest;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.hmi.Hmi;
import org.farebox.terminal.ledger.Ledger;
import org.farebox.terminal.ledger.Outcome;
import org.farebox.terminal.ledger.PurchaseIntent;
import org.farebox.terminal.ledger.TapRecord;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.sam.SamException;
import org.farebox.terminal.sam.SamRefusedException;
import org.tinylog.Logger;

/**
 * One card tap, end to end: read and check the card, settle a torn earlier tap of the same card, price
 * the ride, purchase, record, show. Whatever the card does, the processor returns normally with what
 * the passenger was shown; nothing a card answers can stop the terminal.
 */
public final class TapProcessor {
    private final TapSettings settings;
    private final Sam sam;
    private final Ledger ledger;
    private final DenyList denyList;
    private final Supplier<FarePolicy> fares;
    private final Hmi hmi;
    private final Clock clock;
    private final CardPurchase purchase;
    private final TornTapRecovery recovery;
    private final KeyMismatchGuard keyGuard = new KeyMismatchGuard();
    private final PassbackGuard passback;

    public TapProcessor(TapSettings settings, Sam sam, Ledger ledger, DenyList denyList, Supplier<FarePolicy> fares,
            Hmi hmi, Clock clock) {
        this.settings = settings;
        this.sam = sam;
        this.ledger = ledger;
        this.denyList = denyList;
        this.fares = fares;
        this.hmi = hmi;
        this.clock = clock;
        this.purchase = new CardPurchase(settings, sam, ledger, hmi, keyGuard);
        this.recovery = new TornTapRecovery(settings, sam, ledger);
        this.passback = new PassbackGuard(settings.passbackWindow());
    }

    /** Handles the card now in the field. */
    public TapResult process(CardLink link) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TapFacts f = new TapFacts(now, LocalDateTime.ofInstant(now, settings.zone()));
        TUnionCard card = new TUnionCard(link);
        FarePolicy policy = fares.get();
        List<TapRecord> rows = new ArrayList<>();
        try {
            return tap(card, f, policy, rows);
        } catch (CardLostException e) {
            Logger.info("card {} left the field before any money could move: {}", f.serial.isEmpty() ? "?" : f.serial,
                    e.getMessage());
            return show(Display.tapAgain(), rows);
        } catch (CardFault e) {
            Logger.warn("card {} answered badly: {}", f.serial.isEmpty() ? "?" : f.serial, e.getMessage());
            Logger.debug("APDUs of that tap:\n{}", card.trail());
            return refuse(f, policy, Outcome.CARD_ERROR, e.getMessage(), Display.cardRejected("CARD ERROR"), rows);
        } catch (SamRefusedException e) {
            Logger.warn("card {} not supported by the SAM: {}", f.serial, e.getMessage());
            return refuse(f, policy, Outcome.CARD_ERROR, e.getMessage(), Display.cardRejected("NOT SUPPORTED"), rows);
        } catch (SamException e) {
            Logger.error("SAM fault during the tap of card {}: {}", f.serial, e.getMessage());
            return show(Display.outOfService("SAM FAULT"), rows);
        }
    }

    private TapResult tap(TUnionCard card, TapFacts f, FarePolicy policy, List<TapRecord> rows)
            throws CardFault, SamException {
        TUnionCard.Selection selection = card.select();
        PublicBasicData pub = card.readPublicData();
        f.card = pub;
        f.serial = pub.serialNumber();
        if (selection.blocked()) {
            return refuse(f, policy, Outcome.CARD_BLOCKED, "application blocked on the card", Display.cardBlocked(), rows);
        }
        if (!settings.acceptedIssuers().isEmpty() && !settings.acceptedIssuers().contains(pub.issuerCode())) {
            return refuse(f, policy, Outcome.UNKNOWN_ISSUER, "issuer " + pub.issuerCode() + " is not accepted",
                    Display.cardRejected("UNKNOWN ISSUER"), rows);
        }
        LocalDate today = f.localTime.toLocalDate();
        if (today.isBefore(pub.validFrom())) {
            return refuse(f, policy, Outcome.CARD_NOT_YET_VALID, "valid from " + pub.validFrom(),
                    Display.cardNotYetValid(), rows);
        }
        if (today.isAfter(pub.validUntil())) {
            return refuse(f, policy, Outcome.CARD_EXPIRED, "expired on " + pub.validUntil(), Display.cardExpired(), rows);
        }
        Optional<String> denied = denyList.reason(f.serial);
        if (denied.isPresent()) {
            blockOnCard(card, pub);
            return refuse(f, policy, Outcome.DENIED, "deny list: " + denied.get(), Display.cardBlocked(), rows);
        }
        f.cardType = card.readManagement().cardType();
        Optional<PurchaseIntent> open = recovery.openFor(f.serial);
        if (open.isPresent()) {
            TornTapRecovery.Recovery r = recovery.recover(card, f, open.get());
            rows.addAll(r.rows());
            if (r.paid().isPresent()) {
                passback.paid(f.serial, f.time);
                return show(r.paid().get(), rows);
            }
        }
        // After torn-tap recovery on purpose: a re-tap that completes or voids a torn purchase is never "already
        // paid"; only a card whose purchase here was final is.
        if (passback.paidRecently(f.serial, f.time)) {
            return refuse(f, policy, Outcome.PASSBACK, "already paid on this terminal within "
                    + settings.passbackWindow().toSeconds() + " s", Display.cardRejected("ALREADY PAID"), rows);
        }
        if (keyGuard.terminalSuspect()) {
            Logger.error("cards keep refusing this terminal's MAC1: the SAM keys do not match the cards' issuer;"
                    + " out of service until the keys are fixed and the terminal restarted");
            return show(Display.outOfService("KEY MISMATCH"), rows);
        }
        if (keyGuard.refusedBefore(f.serial)) {
            return refuse(f, policy, Outcome.CARD_ERROR, "card refused this terminal's MAC1 before; not retried",
                    Display.cardRejected("CARD ERROR"), rows);
        }
        JourneyRecord journey = settings.capp() ? card.readJourney() : null;
        FareQuote quote = policy.quote(new FareRequest(settings.route(), settings.stop(), settings.stopId(),
                f.localTime.atZone(settings.zone()), f.cardType, journey));
        f.category = quote.riderCategory();
        if (quote.isRefused()) {
            Logger.warn("card {} not charged: {}", f.serial, quote.rule());
            return refuse(f, policy, Outcome.NO_FARE, quote.rule(), Display.cardRejected(quote.refusal()), rows);
        }
        TapResult result = purchase.run(card, f, quote, journey, policy.version());
        rows.addAll(result.rows());
        if (result.rows().stream().anyMatch(r -> r.outcome() == Outcome.PAID)) {
            passback.paid(f.serial, f.time);
        }
        return new TapResult(result.display(), rows);
    }

    // Real validators block a denied card's application so it is refused everywhere, even offline.
    private void blockOnCard(TUnionCard card, PublicBasicData pub) {
        try {
            byte[] challenge = card.challenge();
            byte[] mac = sam.maintenanceMac(pub.diversificationFactor(), pub.issuerId(),
                    Bytes.concat(challenge, new byte[4]), CardCommands.applicationBlockHeader());
            card.blockApplication(mac);
            Logger.warn("card {} is on the deny list: application blocked on the card", pub.serialNumber());
        } catch (CardFault | SamException e) {
            Logger.warn("card {} is on the deny list; blocking it on the card failed: {}", pub.serialNumber(),
                    e.getMessage());
        }
    }

    /** Settles open purchases whose card did not come back in time; call between taps. */
    public List<TapRecord> expireTornTaps() {
        return recovery.expire(clock.instant());
    }

    /** Resolves what a crash left open; call once at start before the first tap. */
    public List<TapRecord> resumeAfterRestart() {
        return recovery.resumeAfterRestart(clock.instant());
    }

    private TapResult refuse(TapFacts f, FarePolicy policy, Outcome outcome, String detail, Display display,
            List<TapRecord> rows) {
        if (!f.serial.isEmpty()) {
            rows.add(ledger.append(f.refusal(settings, policy.version(), outcome, detail).build()));
        }
        return show(display, rows);
    }

    private TapResult show(Display display, List<TapRecord> rows) {
        hmi.show(display);
        return new TapResult(display, rows);
    }
}
