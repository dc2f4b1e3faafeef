package org.farebox.clearing;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.farebox.clearing.store.JdbcClearingStore;
import org.farebox.clearing.store.StoreException;
import org.farebox.mqtt.tls.TlsSetupException;
import org.farebox.protocol.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code farebox-clearing}: run the clearing host, print reports and findings. Exit codes: 0 done,
 * 1 the work could not be done (the message says why), 2 bad command line.
 */
@Command(name = "farebox-clearing", mixinStandardHelpOptions = true, version = "farebox-clearing 0.1.0",
        description = {"Farebox reference clearing host: receives terminals' ledger batches over MQTT, checks,"
                + " deduplicates, stores and acks them, and reports totals and findings.",
                "Exit codes: 0 done, 1 the work could not be done (the message says why), 2 bad command line."},
        subcommands = {RunCommand.class, ReportCommand.class, FindingsCommand.class, RerateCommand.class})
public final class ClearingCli implements Runnable {
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    static final String DEFAULT_CONFIG = "/etc/farebox/clearing.conf";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The CLI with its error handlers: what {@link #main} runs, and what tests drive in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ClearingCli());
        cli.setParameterExceptionHandler(ClearingCli::badCommandLine);
        cli.setExecutionExceptionHandler(ClearingCli::failed);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: run, report, findings or rerate");
    }

    /** Opens the configured store; for reading commands an SQLite file must already exist. */
    static JdbcClearingStore openStore(ClearingConfig config, boolean mustExist) {
        if (mustExist && config.isSqlite()) {
            String file = config.jdbcUrl().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
            if (!Files.exists(Path.of(file))) {
                throw new StoreException("no clearing store at " + file + " (store.jdbc_url); has the host run yet?");
            }
        }
        return JdbcClearingStore.open(config.jdbcUrl(), config.storeUser(), config.storePassword(),
                Clock.systemUTC());
    }

    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("farebox-clearing: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        return EXIT_USAGE;
    }

    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigException || e instanceof StoreException || e instanceof TlsSetupException) {
            err.println("farebox-clearing: " + e.getMessage());
        } else {
            err.println("farebox-clearing: internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); please report it with the command you ran");
        }
        return EXIT_FAILED;
    }
}
