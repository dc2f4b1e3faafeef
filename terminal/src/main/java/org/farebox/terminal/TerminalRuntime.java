package org.farebox.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javax.smartcardio.TerminalFactory;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.terminal.card.CardReader;
import org.farebox.terminal.card.PcscCardReader;
import org.farebox.terminal.card.PcscReaders;
import org.farebox.terminal.card.ReaderException;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.deny.DenyListStore;
import org.farebox.terminal.fare.FarePolicies;
import org.farebox.terminal.fare.FarePolicy;
import org.farebox.terminal.hmi.ConsoleHmi;
import org.farebox.terminal.hmi.Hmi;
import org.farebox.terminal.hmi.LcdGeometry;
import org.farebox.terminal.hmi.Pi4jHmi;
import org.farebox.terminal.hmi.Pi4jHmiConfig;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.farebox.terminal.sam.PcscPsam;
import org.farebox.terminal.sam.Sam;
import org.farebox.terminal.sam.SamException;
import org.farebox.terminal.sam.SoftSam;
import org.farebox.terminal.settle.TapProcessor;
import org.farebox.terminal.settle.TapResult;
import org.farebox.terminal.settle.TapSettings;
import org.farebox.terminal.sync.SyncService;
import org.farebox.terminal.update.AnyFarePolicyParser;
import org.farebox.terminal.update.DenyListStoreTarget;
import org.farebox.terminal.update.TerminalUpdates;
import org.tinylog.Logger;

/**
 * The terminal's parts built from its configuration: ledger, deny list, fare table, SAM, reader,
 * display, the tap processor and, when {@code sync.broker} is set, the sync service. Everything that
 * can be wrong in the configuration is found here, at start, with a message naming the file; after
 * that the daemon only meets cards.
 */
public final class TerminalRuntime implements AutoCloseable {
    private final TerminalConfig config;
    private final SqliteLedger ledger;
    private final DenyListStore denyList;
    private final Sam sam;
    private final CardReader reader;
    private final Hmi hmi;
    private final TapProcessor processor;
    private final Clock clock;
    private final SyncService sync;
    private final TerminalUpdates updates;
    private final RuntimeStatus status;
    private final RuntimeCommands commands;
    private volatile boolean restartRequested;

    private TerminalRuntime(TerminalConfig config, SqliteLedger ledger, DenyListStore denyList, Sam sam,
            CardReader reader, Hmi hmi, TerminalUpdates updates, RuntimeStatus status, RuntimeCommands commands,
            Clock clock, SyncService sync) {
        this.config = config;
        this.sync = sync;
        this.ledger = ledger;
        this.denyList = denyList;
        this.sam = sam;
        this.reader = reader;
        this.hmi = hmi;
        this.clock = clock;
        TapSettings settings = new TapSettings(config.terminalId(), config.route(), config.stop(), config.stopId(),
                config.timezone(), config.capp(), config.acceptedIssuers(), config.supportedAlgorithms(),
                config.retapWindow(), config.passbackWindow());
        this.updates = updates;
        this.status = status;
        this.commands = commands;
        this.processor = new TapProcessor(settings, sam, ledger, denyList, updates.fares(), hmi, clock);
    }

    /**
     * Builds the terminal. {@code factory} may be null (the configured javax.smartcardio type is used)
     * and {@code hmi} may be null (the configured display is built).
     */
    public static TerminalRuntime open(TerminalConfig config, TerminalFactory factory, Hmi hmi, Clock clock) {
        return open(config, null, factory, hmi, clock);
    }

    /** As above; {@code configFile} (may be null) is what the operator's "reload" command checks again. */
    public static TerminalRuntime open(TerminalConfig config, Path configFile, TerminalFactory factory, Hmi hmi,
            Clock clock) {
        FarePolicy fares = loadFares(config.fareTable());
        createStateDir(config.stateDir());
        SqliteLedger ledger = SqliteLedger.open(config.ledgerFile(), config.terminalId(),
                config.ledgerSynchronousFull() ? LedgerOptions.defaults() : LedgerOptions.defaults().withSynchronous(LedgerOptions.Synchronous.NORMAL));
        DenyListStore deny = null;
        Sam sam = null;
        Hmi display = null;
        SyncService sync = null;
        TerminalUpdates updates = null;
        try {
            deny = openDenyList(config);
            TerminalFactory f = factory != null ? factory : terminalFactory(config.readerFactory());
            sam = openSam(config, f, ledger);
            display = hmi != null ? hmi : openHmi(config);
            RuntimeStatus status = new RuntimeStatus(ledger, sam, config.cardReader().pattern(), clock);
            RuntimeCommands commands = new RuntimeCommands(config, configFile);
            // Saved (signed) fare tables and a staged switch apply offline too, so updates exist either way.
            updates = TerminalUpdates.open(config.terminalId(), config.sync(), config.stateDir(), fares,
                    new AnyFarePolicyParser(),
                    new DenyListStoreTarget(deny), status, commands, clock);
            Logger.info("terminal {} on route {}: {}, fare table v{}, {} denied cards (list v{}), ledger {} rows",
                    config.terminalId(), config.route(), sam.describe(), updates.fareTable().version(), deny.size(),
                    deny.version(), ledger.size());
            if (config.sync().enabled()) {
                sync = new SyncService(config.sync(), config.terminalId(), ledger, clock);
                sync.lastWill(updates.status().lastWill());
                updates.attach(sync.link());
                status.sync(sync);
                commands.sync(sync);
                sync.start();
                updates.start();
            } else {
                Logger.info("sync.broker is not set: running offline, taps stay in the ledger");
            }
            return new TerminalRuntime(config, ledger, deny, sam, new PcscCardReader(f, config.cardReader()), display,
                    updates, status, commands, clock, sync);
        } catch (RuntimeException e) {
            closeQuietly(updates, sync, display, sam, deny, ledger);
            throw e;
        }
    }

    /** The main loop over this runtime's reader and processor; every tap also wakes the uploader. */
    public TerminalDaemon daemon(Consumer<TapResult> listener) {
        Consumer<TapResult> onTap = result -> {
            status.tapped(result);
            if (sync != null) {
                sync.tapWritten();
            }
            listener.accept(result);
        };
        TerminalDaemon d = new TerminalDaemon(reader, processor, hmi, clock, config.readerPoll(),
                config.displayHold(), "Route " + config.route(), onTap);
        status.daemon(d);
        commands.onRestart(() -> {
            restartRequested = true;
            d.stop();
        });
        return d;
    }

    /** The sync service; empty when the terminal runs offline (no sync.broker). */
    public Optional<SyncService> sync() {
        return Optional.ofNullable(sync);
    }

    /** True after a "reload" found a changed config: the process should end with a restart status. */
    public boolean restartRequested() {
        return restartRequested;
    }

    /** Exit status that asks systemd to start the terminal again (the unit's RestartForceExitStatus). */
    public static int restartExitStatus() {
        return RuntimeCommands.RESTART_EXIT_STATUS;
    }

    /** Operator updates: fare table slot, deny-list feed, keys, commands, status. */
    public TerminalUpdates updates() {
        return updates;
    }

    public TapProcessor processor() {
        return processor;
    }

    public SqliteLedger ledger() {
        return ledger;
    }

    private static FarePolicy loadFares(Path file) {
        try {
            return FarePolicies.load(file);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (fare.table)", e);
        }
    }

    private static void createStateDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("state.dir " + dir + " cannot be created: " + e.getMessage(), e);
        }
    }

    /** The stored list; {@code denylist.file} is (re)loaded only while no signed list has replaced it. */
    private static DenyListStore openDenyList(TerminalConfig config) {
        DenyListStore deny = DenyListStore.open(config.denyListDirectory());
        Path file = config.denyListFile();
        if (file != null && Files.exists(file) && !deny.isLocal()) {
            Logger.info("denylist.file {} not loaded: the operator's signed deny list v{} is installed", file,
                    deny.version());
        } else if (file != null && Files.exists(file)) {
            try {
                int n = deny.replaceFromFile(file);
                Logger.info("deny list loaded from {}: {} cards", file, n);
            } catch (IOException | IllegalArgumentException e) {
                deny.close();
                throw new ConfigException("denylist.file " + file + ": " + e.getMessage(), e);
            }
        }
        return deny;
    }

    private static TerminalFactory terminalFactory(String type) {
        try {
            return TerminalFactory.getInstance(type, null);
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException("reader.factory: no javax.smartcardio provider of type '" + type + "'", e);
        }
    }

    private static Sam openSam(TerminalConfig config, TerminalFactory factory, SqliteLedger ledger) {
        if (config.samMode().equals("soft")) {
            MasterKeys keys;
            try {
                keys = MasterKeys.parse(Files.readString(config.softSamKeys(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException("sam.soft.keys " + config.softSamKeys() + ": cannot read (" + e.getMessage() + ")", e);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("sam.soft.keys " + config.softSamKeys() + ": " + e.getMessage(), e);
            }
            byte[] terminalNo = config.softSamTerminalNumber();
            try {
                return new SoftSam(keys, terminalNo, config.softSamKeyIndex(), ledger.lastPsamSerial(Hex.of(terminalNo)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("sam.soft.key_index: " + e.getMessage(), e);
            }
        }
        try {
            return PcscPsam.open(PcscReaders.find(factory, config.samReader(), "SAM"),
                    config.pcscSamDiversificationLevels());
        } catch (ReaderException | SamException e) {
            throw new ConfigException("PSAM (reader.sam, sam.mode = pcsc): " + e.getMessage(), e);
        }
    }

    private static Hmi openHmi(TerminalConfig config) {
        LcdGeometry geometry = new LcdGeometry(config.lcdColumns(), config.lcdRows());
        switch (config.hmiMode()) {
            case "pi4j":
                return Pi4jHmi.open(Pi4jHmiConfig.defaults()
                        .withPins(config.gpioLedGreen(), config.gpioLedRed(), config.gpioBuzzer())
                        .withI2cBus(config.lcdI2cBus())
                        .withLcd(config.lcdI2cAddress(), geometry));
            case "none":
                return display -> { };
            default:
                return new ConsoleHmi(System.out, geometry);
        }
    }

    /** Stops the sync service first (it reads the ledger), then the hardware, then the ledger. */
    @Override
    public void close() {
        // "stopped" goes out on the link before it closes: a clean disconnect suppresses the will.
        closeQuietly(updates, sync, hmi, sam, reader, denyList, ledger);
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable p : parts) {
            if (p == null) {
                continue;
            }
            try {
                p.close();
            } catch (Exception e) {
                Logger.warn("closing {}: {}", p.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
