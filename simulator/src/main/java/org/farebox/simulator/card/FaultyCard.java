package org.farebox.simulator.card;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Wraps a card (or PSAM) to inject the faults a terminal must survive: a tear before a command (not
 * applied), a tear after it (applied, answer lost), a replaced or transformed answer, a corrupted MAC2.
 * Faults are keyed by INS and fire once by default, so that the re-tap after a tear works; {@link #times}
 * and {@link #always} change the most recently added fault. A tear also powers the wrapped card down,
 * as leaving the field does.
 *
 * <pre>{@code
 * FaultyCard card = new FaultyCard(virtualCard).tearAfter(0x54);          // debit commits, answer lost
 * FaultyCard psam = new FaultyCard(virtualPsam).replaceResponse(0x72, Hex.parse("9302")).always();
 * }</pre>
 */
public final class FaultyCard implements ApduResponder {
    private enum Kind { TEAR_BEFORE, TEAR_AFTER, TRANSFORM }

    private static final class Fault {
        final Kind kind;
        final int ins;
        final UnaryOperator<byte[]> transform;
        int remaining = 1;

        Fault(Kind kind, int ins, UnaryOperator<byte[]> transform) {
            this.kind = kind;
            this.ins = ins;
            this.transform = transform;
        }
    }

    /** Marks a fault that never runs out. */
    private static final int FOREVER = -1;

    private final ApduResponder card;
    private final List<Fault> faults = new ArrayList<>();

    public FaultyCard(ApduResponder card) {
        this.card = card;
    }

    /** The card leaves the field as the command with this INS arrives: the card never sees it. */
    public synchronized FaultyCard tearBefore(int ins) {
        return add(new Fault(Kind.TEAR_BEFORE, ins & 0xFF, null));
    }

    /** The card executes the command with this INS (and commits), then leaves the field: the answer is lost. */
    public synchronized FaultyCard tearAfter(int ins) {
        return add(new Fault(Kind.TEAR_AFTER, ins & 0xFF, null));
    }

    /** The command with this INS is executed but the terminal receives {@code response} instead of the answer. */
    public synchronized FaultyCard replaceResponse(int ins, byte[] response) {
        byte[] copy = response.clone();
        return add(new Fault(Kind.TRANSFORM, ins & 0xFF, answer -> copy.clone()));
    }

    /** The command with this INS is executed and its answer rewritten by {@code transform}. */
    public synchronized FaultyCard transformResponse(int ins, UnaryOperator<byte[]> transform) {
        return add(new Fault(Kind.TRANSFORM, ins & 0xFF, transform));
    }

    /** Flips one bit of MAC2 (bytes 4..7) in a successful DEBIT FOR PURCHASE answer; other answers pass. */
    public synchronized FaultyCard corruptMac2() {
        return transformResponse(0x54, answer -> {
            byte[] out = answer.clone();
            if (out.length == 10 && out[8] == (byte) 0x90 && out[9] == 0x00) {
                out[7] ^= 0x01;
            }
            return out;
        });
    }

    /** The most recently added fault fires {@code n} times instead of once. */
    public synchronized FaultyCard times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a fault fires at least once, got " + n);
        }
        last().remaining = n;
        return this;
    }

    /** The most recently added fault fires on every matching command until {@link #clear}. */
    public synchronized FaultyCard always() {
        last().remaining = FOREVER;
        return this;
    }

    /** Removes every fault not yet fired. */
    public synchronized FaultyCard clear() {
        faults.clear();
        return this;
    }

    /** Whether any fault is still waiting to fire. */
    public synchronized boolean hasPendingFaults() {
        return !faults.isEmpty();
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void powerDown() {
        card.powerDown();
    }

    @Override
    public byte[] process(byte[] command) {
        Fault fault = take(command != null && command.length >= 2 ? command[1] & 0xFF : -1);
        if (fault == null) {
            return card.process(command);
        }
        switch (fault.kind) {
            case TEAR_BEFORE:
                card.powerDown();
                throw new CardTornException(String.format("card torn before INS %02X", fault.ins));
            case TEAR_AFTER:
                card.process(command);
                card.powerDown();
                throw new CardTornException(String.format("card torn after INS %02X, answer lost", fault.ins));
            default:
                return fault.transform.apply(card.process(command));
        }
    }

    /** The first fault for this INS, consumed once; null if none. */
    private synchronized Fault take(int ins) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.ins == ins) {
                if (f.remaining != FOREVER && --f.remaining == 0) {
                    it.remove();
                }
                return f;
            }
        }
        return null;
    }

    private FaultyCard add(Fault fault) {
        faults.add(fault);
        return this;
    }

    private Fault last() {
        if (faults.isEmpty()) {
            throw new IllegalStateException("no fault to configure: add one first");
        }
        return faults.get(faults.size() - 1);
    }
}
