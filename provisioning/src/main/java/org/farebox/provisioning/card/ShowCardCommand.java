package org.farebox.provisioning.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.farebox.provisioning.ProvisionException;
import org.farebox.simulator.card.CardImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code card show}: what a virtual card file holds, the way a card reader's tool would show it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a virtual card: serial, type, balance, counter, validity, blocked, and its purse log (0x18).")
public final class ShowCardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CARD.json", description = "card file written by 'card issue' (or by a terminal run)")
    Path file;

    @Override
    public Integer call() {
        if (!Files.exists(file)) {
            throw new ProvisionException("card file " + file + " does not exist; check the path");
        }
        CardImage image;
        try {
            image = CardImage.load(file);
        } catch (IOException e) {
            throw new ProvisionException(e.getMessage() + " (is it a card file written by 'card issue'?)", e);
        }
        CardReport.print(image, spec.commandLine().getOut());
        return 0;
    }
}
