package org.farebox.terminal.update;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.tinylog.Logger;

/** The QR key set in force: replaced whole by a newer signed {@code farebox-keys/1} update, kept in the state folder. */
public final class KeySetStore {
    private final Path file;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile KeySet current = KeySet.empty();
    private volatile byte[] signed;

    public KeySetStore(UpdateGate gate, Path dir) {
        this.file = dir.resolve("keys.active");
        try {
            Optional<byte[]> bytes = AtomicFiles.read(file);
            if (bytes.isPresent()) {
                SignedUpdate u = gate.check(UpdateKind.KEYS, bytes.get());
                current = KeySet.parse(u.payload(), u.version());
                signed = bytes.get();
                Logger.info("QR key set v{} restored from {}: {} keys", current.version(), file, current.keys().size());
            }
        } catch (IOException e) {
            Logger.warn("cannot read saved key set {}: {}; starting without QR keys", file, e.getMessage());
        } catch (UpdateRejectedException e) {
            Logger.warn("saved key set {} is not usable ({}: {}); moved aside, starting without QR keys", file,
                    e.reason(), e.getMessage());
            AtomicFiles.setAside(file);
        }
    }

    public KeySet current() {
        return current;
    }

    public long version() {
        return current.version();
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Takes a newer verified key set; false if it is the very message already held. */
    public boolean offer(SignedUpdate update, byte[] message) throws UpdateRejectedException {
        synchronized (this) {
            KeySet held = current;
            if (update.version() == held.version() && signed != null && Arrays.equals(signed, message)) {
                return false;
            }
            if (update.version() <= held.version()) {
                throw new UpdateRejectedException(RejectReason.STALE, "key set v" + update.version()
                        + (update.version() == held.version() ? " is already in force with other content"
                        : " is older than v" + held.version() + " in force"));
            }
            KeySet next = KeySet.parse(update.payload(), update.version());
            try {
                AtomicFiles.write(file, message);
            } catch (IOException e) {
                Logger.error("cannot save key set v{} to {}: {}", next.version(), file, e.getMessage());
            }
            current = next;
            signed = message.clone();
            Logger.info("QR key set v{} in force: {} keys (was v{})", next.version(), next.keys().size(), held.version());
        }
        for (Runnable r : listeners) {
            r.run();
        }
        return true;
    }
}
