package org.farebox.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.farebox.terminal.card.CardLink;
import org.farebox.terminal.card.CardReader;
import org.farebox.terminal.card.ReaderException;
import org.farebox.terminal.hmi.Display;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.hmi.Hmi;
import org.farebox.terminal.settle.TapProcessor;
import org.farebox.terminal.settle.TapResult;
import org.tinylog.Logger;

/**
 * The validator's main loop: wait for a card, settle the tap, wait for the card to leave, show READY
 * again. {@link #stop()} lets the tap in progress finish; the loop then returns and the caller closes
 * the parts.
 */
public final class TerminalDaemon {
    private final CardReader reader;
    private final TapProcessor processor;
    private final Hmi hmi;
    private final Clock clock;
    private final Duration poll;
    private final Duration hold;
    private final String routeLabel;
    private final Consumer<TapResult> listener;
    private final ClockWatch clockWatch;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean readerDown;

    public TerminalDaemon(CardReader reader, TapProcessor processor, Hmi hmi, Clock clock, Duration poll,
            Duration hold, String routeLabel, Consumer<TapResult> listener) {
        this.reader = reader;
        this.processor = processor;
        this.hmi = hmi;
        this.clock = clock;
        this.poll = poll;
        this.hold = hold;
        this.routeLabel = routeLabel;
        this.listener = listener;
        this.clockWatch = new ClockWatch(clock, System::nanoTime);
    }

    /** Runs until {@link #stop()}; never throws for a card or reader problem. */
    public void run() {
        try {
            processor.resumeAfterRestart();
            Display shown = show(null, Display.ready(routeLabel));
            Instant readyAt = Instant.MIN;
            readerDown = false;
            Instant nextHousekeeping = Instant.MIN;
            while (!stopping) {
                // Re-tap windows are whole seconds: looking for expired torn taps once a second is enough,
                // and spares the ledger a query on every poll slice while the bus is idle.
                if (!clock.instant().isBefore(nextHousekeeping)) {
                    clockWatch.check();
                    processor.expireTornTaps();
                    nextHousekeeping = clock.instant().plusSeconds(1);
                }
                Optional<CardLink> card;
                try {
                    card = reader.awaitCard(poll);
                    if (readerDown) {
                        Logger.info("reader {} is back", reader.name());
                        readerDown = false;
                        shown = show(shown, Display.ready(routeLabel));
                    }
                } catch (ReaderException e) {
                    if (!readerDown) {
                        Logger.error("card reader unavailable: {}", e.getMessage());
                        readerDown = true;
                    }
                    shown = show(shown, Display.outOfService("NO READER"));
                    pause();
                    continue;
                }
                if (card.isEmpty()) {
                    if (shown.kind() != DisplayKind.READY && !clock.instant().isBefore(readyAt)) {
                        shown = show(shown, Display.ready(routeLabel));
                    }
                    continue;
                }
                TapResult result;
                try (CardLink link = card.get()) {
                    result = processor.process(link);
                }
                shown = result.display();
                listener.accept(result);
                readyAt = clock.instant().plus(hold);
                awaitRemoval();
            }
        } finally {
            stopped.countDown();
        }
    }

    // A card left lying on the reader must not pay twice: the next tap starts only when the field is empty.
    /** False while the card reader is unavailable (the display says NO READER); for the status report. */
    public boolean readerAvailable() {
        return !readerDown;
    }

    private void awaitRemoval() {
        while (!stopping) {
            try {
                if (reader.awaitRemoval(poll)) {
                    return;
                }
            } catch (ReaderException e) {
                return;
            }
        }
    }

    private Display show(Display current, Display next) {
        if (!next.equals(current)) {
            hmi.show(next);
        }
        return next;
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Asks the loop to finish the tap in progress and return. */
    public void stop() {
        stopping = true;
    }

    /** Waits for the loop to have returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
