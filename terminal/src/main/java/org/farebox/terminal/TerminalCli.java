package org.farebox.terminal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.farebox.protocol.config.ConfigException;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.deny.DenyListStore;
import org.farebox.terminal.ledger.ChainCheck;
import org.farebox.terminal.ledger.LedgerOptions;
import org.farebox.terminal.ledger.SqliteLedger;
import org.tinylog.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code farebox-terminal}: the validator daemon and the tools an operator runs on the terminal. */
@Command(name = "farebox-terminal", mixinStandardHelpOptions = true, version = "farebox-terminal 0.1.0",
        description = "Farebox fare terminal: validates and settles card taps offline.",
        subcommands = {TerminalCli.Run.class, TerminalCli.LedgerCommands.class, TerminalCli.DenyListCommands.class,
                TerminalCli.ConfigCommands.class})
public final class TerminalCli {
    static final String DEFAULT_CONFIG = "/etc/farebox/terminal.conf";

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TerminalCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("farebox-terminal: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    /** Options shared by every command that needs the configuration. */
    static class ConfigOption {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = DEFAULT_CONFIG,
                description = "terminal configuration (default: ${DEFAULT-VALUE})")
        Path file;

        TerminalConfig load() {
            return load(true);
        }

        TerminalConfig load(boolean closeLogsInShutdownHook) {
            TerminalConfig config = TerminalConfig.load(file);
            LogSetup.apply(config.logLevel(), config.logFile(), closeLogsInShutdownHook);
            return config;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the validator until SIGTERM; the tap in progress finishes first.")
    static final class Run implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();

        @Override
        public Integer call() throws InterruptedException {
            // The shutdown hook below logs while the last tap finishes; tinylog's own hook used to close the
            // writers meanwhile and "stopped cleanly" never reached log.file. Logging now ends last, by hand.
            TerminalConfig c = config.load(false);
            TerminalRuntime runtime = TerminalRuntime.open(c, config.file, null, null, Clock.systemUTC());
            TerminalDaemon daemon = runtime.daemon(r -> { });
            CountDownLatch closed = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Logger.info("stopping: finishing the tap in progress");
                daemon.stop();
                try {
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "farebox-shutdown"));
            boolean clean = false;
            try {
                daemon.run();
                clean = true;
            } finally {
                runtime.close();
                if (clean) {
                    Logger.info("terminal {} stopped cleanly", c.terminalId());
                } else {
                    Logger.error("terminal {} stopped after an unexpected error (see above)", c.terminalId());
                }
                if (clean && runtime.restartRequested()) {
                    Logger.info("restarting to apply the reloaded config (exit status {})",
                            TerminalRuntime.restartExitStatus());
                }
                LogSetup.shutdown();
                closed.countDown();
            }
            return runtime.restartRequested() ? TerminalRuntime.restartExitStatus() : 0;
        }
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true, description = "Check or export the ledger.",
            subcommands = {LedgerCommands.Verify.class, LedgerCommands.Export.class})
    static final class LedgerCommands {
        @Command(name = "verify", mixinStandardHelpOptions = true,
                description = "Walk the hash chain; print the first broken link. Exit 1 when broken.")
        static final class Verify implements java.util.concurrent.Callable<Integer> {
            @CommandLine.Mixin
            ConfigOption config = new ConfigOption();

            @Override
            public Integer call() {
                TerminalConfig c = config.load();
                try (SqliteLedger ledger = openExisting(c)) {
                    ChainCheck check = ledger.verify();
                    if (check.intact()) {
                        System.out.println("ledger " + c.ledgerFile() + ": " + check.rows() + " rows, chain intact");
                        return 0;
                    }
                    System.out.println("ledger " + c.ledgerFile() + ": chain BROKEN at sequence "
                            + check.firstBrokenSequence() + ": " + check.message());
                    return 1;
                }
            }
        }

        @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every ledger row as CSV.")
        static final class Export implements java.util.concurrent.Callable<Integer> {
            @CommandLine.Mixin
            ConfigOption config = new ConfigOption();

            @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "CSV file (default: standard output)")
            Path output;

            @Override
            public Integer call() throws IOException {
                TerminalConfig c = config.load();
                try (SqliteLedger ledger = openExisting(c);
                        Writer out = output == null
                                ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    ledger.exportCsv(out);
                }
                return 0;
            }
        }
    }

    /** Opens the ledger for reading tools; a missing file is an error, not a reason to create an empty one. */
    static SqliteLedger openExisting(TerminalConfig c) {
        if (!Files.isRegularFile(c.ledgerFile())) {
            throw new ConfigException("no ledger at " + c.ledgerFile() + " (state.dir = " + c.stateDir() + ")");
        }
        return SqliteLedger.open(c.ledgerFile(), c.terminalId(), LedgerOptions.defaults());
    }

    @Command(name = "denylist", mixinStandardHelpOptions = true, description = "Manage the local deny list.",
            subcommands = {DenyListCommands.Load.class})
    static final class DenyListCommands {
        @Command(name = "load", mixinStandardHelpOptions = true,
                description = {"Replace the deny list with FILE (one 20-digit card serial per line, optional ',reason').",
                        "It becomes the local list (version 0): the operator's next signed snapshot replaces it.",
                        "Stop the daemon first: it holds the deny list while it runs."})
        static final class Load implements java.util.concurrent.Callable<Integer> {
            @CommandLine.Mixin
            ConfigOption config = new ConfigOption();

            @Parameters(paramLabel = "FILE")
            Path file;

            @Override
            public Integer call() throws IOException {
                TerminalConfig c = config.load();
                try (DenyListStore deny = DenyListStore.open(c.denyListDirectory())) {
                    long replaced = deny.version();
                    int n = deny.replaceFromFile(file);
                    System.out.println("deny list replaced: " + n + " cards (local list, version 0"
                            + (replaced > 0 ? ", was signed v" + replaced : "")
                            + "; the operator's next signed snapshot replaces it)");
                    return 0;
                } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                    System.err.println("farebox-terminal: " + file + ": " + e.getMessage() + " (nothing changed)");
                    return 1;
                }
            }
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Check the configuration.",
            subcommands = {ConfigCommands.Check.class})
    static final class ConfigCommands {
        @Command(name = "check", mixinStandardHelpOptions = true,
                description = "Parse the configuration file and report the first problem, naming its line.")
        static final class Check implements java.util.concurrent.Callable<Integer> {
            @CommandLine.Mixin
            ConfigOption config = new ConfigOption();

            @Override
            public Integer call() {
                TerminalConfig c = TerminalConfig.load(config.file);
                System.out.println(config.file + ": OK (terminal " + c.terminalId() + ", route " + c.route()
                        + ", SAM " + c.samMode() + ", state in " + c.stateDir() + ")");
                return 0;
            }
        }
    }
}
