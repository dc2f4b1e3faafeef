package org.farebox.provisioning;

import java.io.PrintWriter;
import org.farebox.provisioning.card.CardCommand;
import org.farebox.provisioning.fare.FareTableCommand;
import org.farebox.provisioning.keys.KeysCommand;
import org.farebox.provisioning.pki.PkiCommand;
import org.farebox.provisioning.psam.PsamCommand;
import org.farebox.provisioning.publish.FleetStatusCommand;
import org.farebox.provisioning.publish.PublishCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code farebox-provision}: the operator's CLI for master keys, virtual test cards, virtual PSAM state
 * and fare table checks. Exit codes: 0 done, 1 the work could not be done (see the message), 2 bad
 * command line.
 */
@Command(name = "farebox-provision", mixinStandardHelpOptions = true, version = "farebox-provision 0.1.0",
        description = {"Farebox provisioning: master keys, virtual test cards, virtual PSAM state, fare table checks.",
                "Exit codes: 0 done, 1 the work could not be done (the message says why), 2 bad command line."},
        subcommands = {KeysCommand.class, CardCommand.class, PsamCommand.class, FareTableCommand.class, PkiCommand.class,
                PublishCommand.class, FleetStatusCommand.class})
public final class ProvisionCli implements Runnable {
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The CLI with its error handlers: what {@link #main} runs, and what tests drive in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ProvisionCli());
        cli.setParameterExceptionHandler(ProvisionCli::badCommandLine);
        cli.setExecutionExceptionHandler(ProvisionCli::failed);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is needed: keys, card, psam or faretable");
    }

    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("farebox-provision: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        return EXIT_USAGE;
    }

    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ProvisionException) {
            err.println("farebox-provision: " + e.getMessage());
        } else {
            // A bug, not bad input: say so plainly rather than print a stack trace at an operator.
            err.println("farebox-provision: internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); please report it with the command you ran");
        }
        return EXIT_FAILED;
    }
}
