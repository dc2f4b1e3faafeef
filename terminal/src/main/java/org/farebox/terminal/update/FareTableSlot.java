package org.farebox.terminal.update;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.fare.FarePolicy;
import org.tinylog.Logger;

/**
 * The fare table a terminal prices with: the active one and at most one staged for a later
 * {@code valid_from}, switched when the clock passes that time (checked at every {@link #get}, so the first
 * tap after the switch time is priced with the new table). Both are kept as the signed messages in the state
 * folder and verified again at start; the configured table is used when it is newer or nothing else is usable.
 */
public final class FareTableSlot implements Supplier<FarePolicy> {
    /** The header attribute naming when a table takes effect; absent means at once. */
    public static final String VALID_FROM = "valid_from";

    /** What became of an offered table. */
    public enum Outcome { ACTIVATED, STAGED, DUPLICATE }

    /** A table waiting for its time. */
    public record Staged(long version, Instant validFrom) {
    }

    private record Entry(FarePolicy policy, byte[] signed, Instant validFrom) {
        long version() {
            return policy.version();
        }
    }

    private final FarePolicyParser parser;
    private final Path activeFile;
    private final Path stagedFile;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Entry active;
    private volatile Entry staged;

    /**
     * @param configured the table from {@code fare.table}
     * @param gate       verifies the persisted messages again (a state folder is not a trusted source)
     * @param dir        where the active and staged messages are kept
     */
    public FareTableSlot(FarePolicy configured, FarePolicyParser parser, UpdateGate gate, Path dir, Clock clock) {
        this.parser = parser;
        this.activeFile = dir.resolve("faretable.active");
        this.stagedFile = dir.resolve("faretable.staged");
        this.clock = clock;
        this.active = new Entry(configured, null, Instant.EPOCH);
        restore(gate);
    }

    private void restore(UpdateGate gate) {
        Entry saved = load(activeFile, gate);
        if (saved != null && saved.version() > active.version()) {
            active = saved;
            Logger.info("fare table v{} restored from {}", saved.version(), activeFile);
        } else if (saved != null) {
            Logger.info("configured fare table v{} is not older than the saved v{}; using the configured one",
                    active.version(), saved.version());
        }
        Entry waiting = load(stagedFile, gate);
        if (waiting != null && waiting.version() > active.version()) {
            staged = waiting;
            Logger.info("fare table v{} staged for {}", waiting.version(), waiting.validFrom());
            switchIfDue();
        } else if (waiting != null) {
            deleteQuietly(stagedFile); // left by a switch cut short: the active table is already that one or newer
        }
    }

    private Entry load(Path file, UpdateGate gate) {
        try {
            Optional<byte[]> bytes = AtomicFiles.read(file);
            if (bytes.isEmpty()) {
                return null;
            }
            SignedUpdate u = gate.check(UpdateKind.FARE_TABLE, bytes.get());
            return entry(u, bytes.get());
        } catch (IOException e) {
            Logger.warn("cannot read saved fare table {}: {}; keeping the configured table", file, e.getMessage());
        } catch (UpdateRejectedException e) {
            Logger.warn("saved fare table {} is not usable ({}: {}); moved aside, keeping the configured table",
                    file, e.reason(), e.getMessage());
            AtomicFiles.setAside(file);
        }
        return null;
    }

    private Entry entry(SignedUpdate u, byte[] signed) throws UpdateRejectedException {
        FarePolicy policy = parser.parse(u);
        if (policy.version() != u.version()) {
            throw Payloads.invalid("the fare table has version " + policy.version() + " but was signed as version "
                    + u.version());
        }
        Optional<String> from = u.attribute(VALID_FROM);
        Instant validFrom = from.isPresent() ? Payloads.instant(from.get(), VALID_FROM) : Instant.EPOCH;
        return new Entry(policy, signed.clone(), validFrom);
    }

    /** The policy in force now; switches to the staged table first if its time has come. */
    @Override
    public FarePolicy get() {
        Entry s = staged;
        if (s != null && !clock.instant().isBefore(s.validFrom())) {
            switchIfDue();
        }
        return active.policy();
    }

    /** Version of the table in force (without switching). */
    public long version() {
        return active.version();
    }

    public Optional<Staged> staged() {
        Entry s = staged;
        return s == null ? Optional.empty() : Optional.of(new Staged(s.version(), s.validFrom()));
    }

    /** Hears every change of the active or staged table (on the thread that made it; keep it short). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Takes a verified table: activated now, staged for its {@code valid_from}, or ignored as the very message
     * already held. Anything older, or the same version with other bytes, is STALE; a table that does not
     * pass its checks is INVALID_PAYLOAD. A newer table replaces a staged one.
     */
    public Outcome offer(SignedUpdate update, byte[] signed) throws UpdateRejectedException {
        Outcome outcome;
        synchronized (this) {
            Entry a = active;
            Entry s = staged;
            for (Entry held : s == null ? List.of(a) : List.of(a, s)) {
                if (update.version() == held.version()) {
                    if (held.signed() != null && Arrays.equals(held.signed(), signed)) {
                        return Outcome.DUPLICATE;
                    }
                    throw new UpdateRejectedException(RejectReason.STALE, "fare table v" + update.version()
                            + " is already " + (held == a ? "in force" : "staged") + " with other content");
                }
            }
            if (update.version() < a.version() || (s != null && update.version() < s.version())) {
                throw new UpdateRejectedException(RejectReason.STALE, "fare table v" + update.version()
                        + " is older than v" + (s != null ? s.version() : a.version()) + " held");
            }
            Entry e = entry(update, signed);
            if (clock.instant().isBefore(e.validFrom())) {
                persist(stagedFile, e);
                staged = e;
                outcome = Outcome.STAGED;
                Logger.info("fare table v{} staged: it takes effect at {}", e.version(), e.validFrom());
            } else {
                persist(activeFile, e);
                active = e;
                if (s != null) {
                    staged = null;
                    deleteQuietly(stagedFile);
                }
                outcome = Outcome.ACTIVATED;
                Logger.info("fare table v{} in force (was v{})", e.version(), a.version());
            }
        }
        fire();
        return outcome;
    }

    /** Switches to the staged table if its time has come; true if it did. */
    public boolean switchIfDue() {
        synchronized (this) {
            Entry s = staged;
            if (s == null || clock.instant().isBefore(s.validFrom())) {
                return false;
            }
            persist(activeFile, s);
            long was = active.version();
            active = s;
            staged = null;
            deleteQuietly(stagedFile);
            Logger.info("fare table v{} in force from {} (was v{})", s.version(), s.validFrom(), was);
        }
        fire();
        return true;
    }

    private static void persist(Path file, Entry e) {
        // The table is taken even if the disk fails: the broker keeps it retained and gives it again after a restart.
        try {
            AtomicFiles.write(file, e.signed());
        } catch (IOException ex) {
            Logger.error("cannot save fare table v{} to {}: {}", e.version(), file, ex.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            AtomicFiles.delete(file);
        } catch (IOException e) {
            Logger.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    private void fire() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                Logger.error(e, "fare table listener failed");
            }
        }
    }
}
