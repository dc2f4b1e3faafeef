package org.farebox.demo;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.FaultyCard;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.farebox.simulator.pcsc.VirtualReader;
import org.farebox.terminal.TerminalDaemon;
import org.farebox.terminal.TerminalRuntime;
import org.farebox.terminal.hmi.DisplayKind;
import org.farebox.terminal.settle.TapResult;

/**
 * Passengers boarding: each one puts a card on the reader, waits for the answer and takes the card away.
 * A few taps are scripted so that every case shows up in 200 taps: the low-balance card, the card on
 * the deny list (twice: the second time the card itself is blocked) and a passenger who pulls the card
 * away during the debit and taps again.
 */
final class PassengerFlow {
    private static final int DEBIT = 0x54;

    private final VirtualReader field;
    private final List<DemoCards.Passenger> passengers;
    private final Random random;
    private final int paceMs;
    private final PrintStream log;

    PassengerFlow(VirtualReader field, List<DemoCards.Passenger> passengers, Random random, int paceMs, PrintStream log) {
        this.field = field;
        this.passengers = passengers;
        this.random = random;
        this.paceMs = paceMs;
        this.log = log;
    }

    /**
     * Runs the terminal on its own thread (opened there: PC/SC exclusive access to the PSAM belongs to the
     * thread that took it) and feeds it {@code taps} passengers from this one.
     */
    /** What the demo does around the passengers: in the middle of the run, and before the terminal closes. */
    interface Hooks {
        void midRun() throws Exception;

        void beforeClose(TerminalRuntime runtime) throws Exception;
    }

    DemoReport run(Callable<TerminalRuntime> opener, int taps, Hooks hooks) throws Exception {
        Map<String, VirtualTUnionCard> cards = new LinkedHashMap<>();
        for (DemoCards.Passenger p : passengers) {
            cards.put(p.label(), VirtualTUnionCard.open(p.file()));
        }
        BlockingQueue<TapResult> results = new LinkedBlockingQueue<>();
        CompletableFuture<TerminalDaemon> started = new CompletableFuture<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try (TerminalRuntime runtime = opener.call()) {
                TerminalDaemon d = runtime.daemon(results::add);
                started.complete(d);
                d.run();
                hooks.beforeClose(runtime);
            } catch (Exception | Error e) {
                failure.set(e);
                started.completeExceptionally(e);
            }
        }, "farebox-terminal");
        loop.start();
        TerminalDaemon daemon = started.get(30, TimeUnit.SECONDS);
        Map<DisplayKind, Integer> shown = new EnumMap<>(DisplayKind.class);
        String retap = null;
        try {
            for (int i = 1; i <= taps; i++) {
                if (i == taps / 2 + 1) {
                    hooks.midRun();
                }
                String label = retap != null ? retap : scripted(i);
                retap = null;
                ApduResponder card = cards.get(label);
                if (i == 25 && taps >= 50) {
                    card = new FaultyCard(card).tearAfter(DEBIT);
                    note("tap " + i + ": " + label + " pulls the card away just as the card debits");
                } else if (i == 120 && taps >= 150) {
                    card = new FaultyCard(card).tearBefore(DEBIT);
                    note("tap " + i + ": " + label + " pulls the card away just before the debit");
                } else {
                    note("tap " + i + ": " + label);
                }
                field.insert(card);
                TapResult result = results.poll(10, TimeUnit.SECONDS);
                field.remove();
                if (result == null) {
                    throw new IllegalStateException("the terminal did not answer tap " + i + " within 10 s");
                }
                shown.merge(result.display().kind(), 1, Integer::sum);
                if (result.display().kind() == DisplayKind.TAP_AGAIN) {
                    retap = label;
                }
                Thread.sleep(paceMs);
            }
        } finally {
            daemon.stop();
            loop.join(60_000);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the terminal failed: " + failure.get().getMessage(), failure.get());
        }
        return new DemoReport(taps, shown);
    }

    private String scripted(int tap) {
        if (tap % 50 == 10) {
            return "low-balance";
        }
        if (tap == 40 || tap == 140) {
            return "blocked";
        }
        if (tap == 25 || tap == 120) {
            return "adult-torn";
        }
        return passengers.get(random.nextInt(passengers.size() - 2)).label();
    }

    private void note(String line) {
        if (log != null) {
            log.println(line);
        }
    }
}
