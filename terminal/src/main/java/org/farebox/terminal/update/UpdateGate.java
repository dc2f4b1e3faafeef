package org.farebox.terminal.update;

import java.security.PublicKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.protocol.signed.UpdateVerifier;
import org.farebox.protocol.sync.Topics;
import org.farebox.terminal.config.SyncConfig;

/**
 * The terminal's check of an operator message: size limit of its kind, then the signature against the
 * configured operator keys, operator and target (fleet, or this terminal for commands). Versions are the
 * consumer's business.
 */
public final class UpdateGate {
    private final UpdateVerifier verifier;
    private final String operator;
    private final String terminalId;
    private final Map<UpdateKind, Integer> limits;

    /** {@code operatorKeys} may be empty: every message is then refused as UNKNOWN_KEY. */
    public UpdateGate(List<PublicKey> operatorKeys, String operator, String terminalId, Map<UpdateKind, Integer> limits) {
        this.verifier = operatorKeys.isEmpty() ? null : new UpdateVerifier(operatorKeys);
        this.operator = Topics.requireId(operator, "operator id");
        this.terminalId = Topics.requireId(terminalId, "terminal id");
        this.limits = new EnumMap<>(limits);
        for (UpdateKind k : UpdateKind.values()) {
            if (!this.limits.containsKey(k)) {
                throw new IllegalArgumentException("no size limit for " + k.wireName());
            }
        }
    }

    /** The gate of a configured terminal: keys and limits from {@code updates.*}. */
    public static UpdateGate of(SyncConfig sync, String terminalId) {
        Map<UpdateKind, Integer> limits = new EnumMap<>(UpdateKind.class);
        limits.put(UpdateKind.FARE_TABLE, sync.maxFareTableBytes());
        limits.put(UpdateKind.DENY_LIST, sync.maxDenyListBytes());
        limits.put(UpdateKind.KEYS, sync.maxKeysBytes());
        limits.put(UpdateKind.COMMAND, sync.maxCommandBytes());
        return new UpdateGate(sync.operatorKeys(), sync.operator(), terminalId, limits);
    }

    public SignedUpdate check(UpdateKind kind, byte[] message) throws UpdateRejectedException {
        int limit = limits.get(kind);
        if (verifier == null) {
            if (message.length > limit) {
                throw new UpdateRejectedException(RejectReason.OVERSIZE, message.length + " bytes is over the "
                        + limit + "-byte limit for " + kind.wireName());
            }
            throw new UpdateRejectedException(RejectReason.UNKNOWN_KEY,
                    "no operator key is configured (updates.operator_keys), so no update is trusted");
        }
        String target = kind == UpdateKind.COMMAND ? terminalId : SignedUpdate.FLEET;
        return verifier.verify(message, kind, operator, target, limit);
    }

    public String operator() {
        return operator;
    }

    public String terminalId() {
        return terminalId;
    }

    public boolean hasKeys() {
        return verifier != null;
    }
}
