package org.farebox.terminal.update;

import java.io.UncheckedIOException;
import org.farebox.protocol.deny.DenyListDelta;
import org.farebox.protocol.deny.DenyListFormatException;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.deny.DenyListGapException;
import org.farebox.terminal.deny.DenyListStore;

/** The terminal's {@link DenyListStore} behind the update interface: decodes payloads and maps its refusals. */
public final class DenyListStoreTarget implements DenyListTarget {
    private final DenyListStore store;

    public DenyListStoreTarget(DenyListStore store) {
        this.store = store;
    }

    @Override
    public long version() {
        return store.version();
    }

    @Override
    public boolean applySnapshot(long version, byte[] payload) throws UpdateRejectedException {
        DenyListSnapshot s;
        try {
            s = DenyListSnapshot.decode(payload);
        } catch (DenyListFormatException e) {
            throw Payloads.invalid("the deny-list snapshot does not decode: " + e.getMessage());
        }
        if (s.version() != version) {
            throw Payloads.invalid("the deny-list snapshot says v" + s.version() + " but was signed as v" + version);
        }
        try {
            return store.applySnapshot(s) == DenyListStore.SnapshotOutcome.INSTALLED;
        } catch (IllegalArgumentException e) {
            throw Payloads.invalid(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UpdateRejectedException(RejectReason.INVALID_PAYLOAD, "not stored: " + e.getMessage());
        }
    }

    @Override
    public void applyDelta(long version, byte[] payload) throws UpdateRejectedException {
        DenyListDelta d;
        try {
            d = DenyListDelta.decode(payload);
        } catch (DenyListFormatException e) {
            throw Payloads.invalid("the deny-list delta does not decode: " + e.getMessage());
        }
        if (d.version() != version) {
            throw Payloads.invalid("the deny-list delta says v" + d.version() + " but was signed as v" + version);
        }
        try {
            store.applyDelta(d);
        } catch (DenyListGapException e) {
            throw new UpdateRejectedException(e.isStale() ? RejectReason.STALE : RejectReason.GAP, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UpdateRejectedException(RejectReason.INVALID_PAYLOAD, "not stored: " + e.getMessage());
        }
    }
}
