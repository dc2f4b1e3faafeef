package org.farebox.provisioning.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.farebox.provisioning.ProvisionCli;
import picocli.CommandLine;

/** Runs farebox-provision in-process and keeps what it printed. */
final class PkiCli {
    /** Exit code and the text of standard output and standard error. */
    record Run(int exitCode, String out, String err) {
    }

    private PkiCli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ProvisionCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs and fails the test unless the command succeeded. */
    static Run ok(String... args) {
        Run run = run(args);
        assertEquals(0, run.exitCode(), () -> String.join(" ", args) + " failed: " + run.err() + run.out());
        return run;
    }
}
