package org.farebox.terminal.update;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.farebox.terminal.config.SyncConfig;
import org.farebox.terminal.fare.FarePolicy;
import org.farebox.terminal.status.CommandAnswer;
import org.farebox.terminal.status.RejectionNote;
import org.farebox.terminal.status.StatusReporter;
import org.farebox.terminal.status.StatusSource;
import org.farebox.terminal.status.UpdateVersions;
import org.farebox.terminal.status.UpdatesView;

/**
 * Operator updates and status for one terminal, in one piece: the fare table slot (give {@link #fares()} to the
 * TapProcessor), the deny-list feed, the QR key set, commands, and the status reporter with its last will.
 * Order: {@link #open}, {@link #withWill} on the link options, {@link #attach} to the link, start the link,
 * {@link #start}; at shutdown {@link #close} before closing the link.
 */
public final class TerminalUpdates implements AutoCloseable {
    /** Refusals kept for the status. */
    public static final int RECENT_REJECTIONS = 10;

    private final FareTableSlot fares;
    private final DenyListFeed deny;
    private final KeySetStore keys;
    private final CommandInbox commands;
    private final RejectionLog rejections = new RejectionLog(RECENT_REJECTIONS);
    private final UpdateReceiver receiver;
    private final StatusReporter status;
    private final Topics topics;
    private volatile MqttLink link;

    private TerminalUpdates(String terminalId, SyncConfig sync, Path stateDir, FarePolicy configuredFares,
            FarePolicyParser parser, DenyListTarget denyList, StatusSource source, CommandActions actions,
            Clock clock, String software) {
        this.topics = new Topics(sync.operator());
        UpdateGate gate = UpdateGate.of(sync, terminalId);
        if (!gate.hasKeys()) {
            org.tinylog.Logger.warn("updates.operator_keys is empty: every operator update and command is refused");
        }
        Path dir = stateDir.resolve("updates");
        this.fares = new FareTableSlot(configuredFares, parser, gate, dir, clock);
        this.deny = new DenyListFeed(denyList, this::requestDenySnapshot, clock);
        this.keys = new KeySetStore(gate, dir);
        this.commands = new CommandInbox(actions, dir, clock);
        this.receiver = new UpdateReceiver(topics, gate, fares, deny, keys, commands, rejections, clock);
        this.status = new StatusReporter(topics, terminalId, software, source, new View(), clock,
                sync.statusInterval());
        receiver.onChange(status::publishSoon);
        fares.onChange(status::publishSoon);
        status.addTicker(fares::switchIfDue);
    }

    /**
     * Builds everything from the terminal's config; reads what earlier updates left in {@code stateDir/updates}.
     *
     * @param configuredFares the table of {@code fare.table} (used until a newer signed one is in force)
     * @param denyList        the deny list the TapProcessor reads, behind the update interface
     * @param source          backlog, sync, reader and SAM facts for the status
     * @param actions         what the flush and reload commands do
     */
    public static TerminalUpdates open(String terminalId, SyncConfig sync, Path stateDir, FarePolicy configuredFares,
            DenyListTarget denyList, StatusSource source, CommandActions actions, Clock clock) {
        return new TerminalUpdates(terminalId, sync, stateDir, configuredFares, new AnyFarePolicyParser(), denyList,
                source, actions, clock, softwareVersion());
    }

    /** Like {@link #open} with another fare payload parser (the default takes flat tables and bundles). */
    public static TerminalUpdates open(String terminalId, SyncConfig sync, Path stateDir, FarePolicy configuredFares,
            FarePolicyParser parser, DenyListTarget denyList, StatusSource source, CommandActions actions,
            Clock clock) {
        return new TerminalUpdates(terminalId, sync, stateDir, configuredFares, parser, denyList, source, actions,
                clock, softwareVersion());
    }

    private static String softwareVersion() {
        String v = TerminalUpdates.class.getPackage().getImplementationVersion();
        return "farebox-terminal " + (v == null ? "dev" : v);
    }

    /** The fare policy in force: what the TapProcessor must price with. */
    public Supplier<FarePolicy> fares() {
        return fares;
    }

    public FareTableSlot fareTable() {
        return fares;
    }

    public KeySetStore keys() {
        return keys;
    }

    public DenyListFeed denyList() {
        return deny;
    }

    public CommandInbox commands() {
        return commands;
    }

    public RejectionLog rejections() {
        return rejections;
    }

    public UpdateReceiver receiver() {
        return receiver;
    }

    public StatusReporter status() {
        return status;
    }

    /** The link options with the "offline" last will; the will must be set before the link starts. */
    public LinkOptions withWill(LinkOptions options) {
        return status.withWill(options);
    }

    /** Subscribes the update topics and lets the status publish on {@code link}; call before {@code link.start()}. */
    public void attach(MqttLink link) {
        this.link = link;
        receiver.attach(link);
        status.attach(link);
    }

    /** Starts the status timer (and the staged fare-table switch check). */
    public void start() {
        status.start();
    }

    /** Publishes "offline" and stops the status timer; call before closing the link. */
    @Override
    public void close() {
        status.close();
    }

    private void requestDenySnapshot() {
        MqttLink l = link;
        if (l != null) {
            l.resubscribe(topics.fleetDenyList());
        }
    }

    private final class View implements UpdatesView {
        @Override
        public UpdateVersions versions() {
            Optional<FareTableSlot.Staged> s = fares.staged();
            return new UpdateVersions(fares.version(), s.map(FareTableSlot.Staged::version),
                    s.map(FareTableSlot.Staged::validFrom), deny.version(), keys.version(), commands.version());
        }

        @Override
        public List<RejectionNote> recentRejections() {
            return rejections.recent();
        }

        @Override
        public long rejectedTotal() {
            return rejections.total();
        }

        @Override
        public Optional<CommandAnswer> lastCommand() {
            return commands.last();
        }
    }
}
