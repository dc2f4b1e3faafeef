package org.farebox.terminal.update;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateKind;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.protocol.sync.Topics;
import org.farebox.terminal.status.RejectionNote;
import org.tinylog.Logger;

/**
 * Takes operator messages off the fleet topics (fare table, deny list, keys) and this terminal's command
 * topic: checks each with the {@link UpdateGate}, hands it to its consumer, and logs and records every
 * refusal. The terminal keeps what it had whenever a message is refused. Messages come one at a time, in
 * order, on the link's dispatcher thread.
 */
public final class UpdateReceiver {
    private final Topics topics;
    private final UpdateGate gate;
    private final FareTableSlot fares;
    private final DenyListFeed deny;
    private final KeySetStore keys;
    private final CommandInbox commands;
    private final RejectionLog rejections;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public UpdateReceiver(Topics topics, UpdateGate gate, FareTableSlot fares, DenyListFeed deny, KeySetStore keys,
            CommandInbox commands, RejectionLog rejections, Clock clock) {
        this.topics = topics;
        this.gate = gate;
        this.fares = fares;
        this.deny = deny;
        this.keys = keys;
        this.commands = commands;
        this.rejections = rejections;
        this.clock = clock;
    }

    /** Subscribes the four topics at QoS 1; call before {@link MqttLink#start()} (or any time after). */
    public void attach(MqttLink link) {
        link.subscribe(topics.fleetFareTable(), 1, (t, p, r) -> handle(UpdateKind.FARE_TABLE, t, p));
        link.subscribe(topics.fleetDenyList(), 1, (t, p, r) -> handle(UpdateKind.DENY_LIST, t, p));
        link.subscribe(topics.fleetKeys(), 1, (t, p, r) -> handle(UpdateKind.KEYS, t, p));
        link.subscribe(topics.cmd(gate.terminalId()), 1, (t, p, r) -> handle(UpdateKind.COMMAND, t, p));
    }

    /** Hears every applied change, refusal and command answer: the status publishes on it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Handles one message; never throws. */
    public void handle(UpdateKind kind, String topic, byte[] message) {
        SignedUpdate update = null;
        try {
            update = gate.check(kind, message);
            boolean changed = apply(update, message);
            if (changed) {
                fire();
            } else {
                Logger.debug("{} v{} on {} is already held; ignored", kind.wireName(), update.version(), topic);
            }
        } catch (UpdateRejectedException e) {
            refuse(kind, topic, message.length, update, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            // A consumer failing on signed input is a bug, but the terminal goes on with what it had.
            Logger.error(e, "applying {} from {} failed", kind.wireName(), topic);
            refuse(kind, topic, message.length, update, RejectReason.INVALID_PAYLOAD,
                    "the terminal could not apply it: " + e);
        }
    }

    private boolean apply(SignedUpdate u, byte[] message) throws UpdateRejectedException {
        return switch (u.kind()) {
            case FARE_TABLE -> fares.offer(u, message) != FareTableSlot.Outcome.DUPLICATE;
            case DENY_LIST -> deny.offer(u) == DenyListFeed.Outcome.APPLIED;
            case KEYS -> keys.offer(u, message);
            case COMMAND -> {
                commands.handle(u);
                yield true;
            }
        };
    }

    private void refuse(UpdateKind kind, String topic, int bytes, SignedUpdate update, RejectReason reason,
            String detail) {
        long version = update == null ? 0 : update.version();
        Logger.warn("refused {} on {} ({} bytes{}): {} - {}", kind.wireName(), topic, bytes,
                update == null ? "" : ", v" + version, reason, detail);
        rejections.add(new RejectionNote(clock.instant(), topic, kind.wireName(), reason.name(), detail, version));
        fire();
    }

    private void fire() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                Logger.error(e, "update listener failed");
            }
        }
    }
}
