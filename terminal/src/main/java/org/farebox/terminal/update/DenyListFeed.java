package org.farebox.terminal.update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.tinylog.Logger;

/**
 * Applies signed deny-list messages in order. A snapshot ({@code deny=snapshot}, published retained) replaces
 * an older list; a delta ({@code deny=delta}, version v on base v-1) steps the list one version. A delta that
 * skips versions is refused as GAP and the retained snapshot is asked for again, so the terminal ends at the
 * newest list the operator has published; further deltas wait for that snapshot.
 */
public final class DenyListFeed {
    public static final String ATTRIBUTE = "deny";
    public static final String SNAPSHOT = "snapshot";
    public static final String DELTA = "delta";
    /** How long to wait for the snapshot after asking before asking again on the next gap. */
    static final Duration RESYNC_RETRY = Duration.ofSeconds(30);

    /** What became of a message that was not refused. */
    public enum Outcome { APPLIED, DUPLICATE }

    private final DenyListTarget target;
    private final Runnable requestSnapshot;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Instant resyncAskedAt;

    /** @param requestSnapshot asks the broker for the retained snapshot again (re-subscribes the deny-list topic) */
    public DenyListFeed(DenyListTarget target, Runnable requestSnapshot, Clock clock) {
        this.target = target;
        this.requestSnapshot = requestSnapshot;
        this.clock = clock;
    }

    public long version() {
        return target.version();
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Older than the list held is STALE. A delta of the version held is a redelivery, ignored without a report; a
     * snapshot of the version held is handed to the target, which leaves a matching list alone.
     */
    public synchronized Outcome offer(SignedUpdate update) throws UpdateRejectedException {
        String form = update.attribute(ATTRIBUTE).orElse("");
        long held = target.version();
        if (!form.equals(SNAPSHOT) && !form.equals(DELTA)) {
            throw Payloads.invalid("deny-list attribute 'deny' must be 'snapshot' or 'delta', got '"
                    + Payloads.abbreviate(form) + "'");
        }
        if (update.version() < held) {
            throw new UpdateRejectedException(RejectReason.STALE, "deny-list " + form + " v" + update.version()
                    + " is older than v" + held + " held");
        }
        if (form.equals(SNAPSHOT)) {
            // The same version comes back after every reconnect (retained) and after its own delta: the target
            // checks its entries, so a list that drifted from the operator's is repaired, a matching one left alone.
            boolean changed = target.applySnapshot(update.version(), update.payload());
            resyncAskedAt = null;
            if (!changed) {
                return Outcome.DUPLICATE;
            }
            Logger.info("deny list v{} in force (snapshot; was v{})", update.version(), held);
        } else {
            if (update.version() == held) {
                return Outcome.DUPLICATE;
            }
            if (update.version() - 1 != held) {
                askForSnapshot();
                throw new UpdateRejectedException(RejectReason.GAP, "deny-list delta v" + update.version()
                        + " needs v" + (update.version() - 1) + " but v" + held + " is held; falling back to the snapshot");
            }
            try {
                target.applyDelta(update.version(), update.payload());
            } catch (UpdateRejectedException e) {
                if (e.reason() == RejectReason.GAP) {
                    askForSnapshot();
                }
                throw e;
            }
            Logger.info("deny list v{} in force (delta)", update.version());
        }
        for (Runnable r : listeners) {
            r.run();
        }
        return Outcome.APPLIED;
    }

    private void askForSnapshot() {
        Instant now = clock.instant();
        if (resyncAskedAt != null && now.isBefore(resyncAskedAt.plus(RESYNC_RETRY))) {
            return; // asked already; the retained snapshot is on its way
        }
        resyncAskedAt = now;
        Logger.info("deny list: asking the broker for the retained snapshot again");
        try {
            requestSnapshot.run();
        } catch (RuntimeException e) {
            Logger.warn("deny list: cannot ask for the snapshot ({}); it comes at the next reconnect", e.getMessage());
        }
    }
}
