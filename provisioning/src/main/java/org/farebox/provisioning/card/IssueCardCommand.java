package org.farebox.provisioning.card;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;
import org.farebox.provisioning.keys.KeyFile;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.CardIssuer;
import org.farebox.simulator.card.CardProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code card issue}: personalises a virtual card whose keys derive from a master key file. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Personalise a virtual T-Union test card with card keys diversified from the master keys,",
                "so a terminal whose software SAM or virtual PSAM holds the same keys accepts it.",
                "The card file holds the card's own keys: it is written with mode 0600."})
public final class IssueCardCommand implements Callable<Integer> {
    static final String DEFAULT_ISSUER = "01005101FFFFFFFF";

    @Spec
    CommandSpec spec;

    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "master key file (keys generate)")
    Path keys;

    @Option(names = "--serial", required = true, paramLabel = "20DIGITS", description = "application serial number")
    String serial;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "adult, student, senior, free, or a 2-hex-digit card-type code")
    String type;

    @Option(names = "--balance", required = true, paramLabel = "FEN", description = "opening balance in fen")
    long balance;

    @Option(names = "--issuer", defaultValue = DEFAULT_ISSUER, paramLabel = "16HEX",
            description = "issuer id: issuer code 2 bytes, city code 2 bytes, filler (default ${DEFAULT-VALUE})")
    String issuer;

    @Option(names = "--valid-from", defaultValue = "2020-01-01", paramLabel = "DATE",
            description = "first valid day, YYYY-MM-DD (default ${DEFAULT-VALUE})")
    String validFrom;

    @Option(names = "--valid-until", defaultValue = "2099-12-31", paramLabel = "DATE",
            description = "last valid day, YYYY-MM-DD (default ${DEFAULT-VALUE})")
    String validUntil;

    @Option(names = "--key-index", defaultValue = "1", paramLabel = "N",
            description = "purchase key index whose keys the card gets (default ${DEFAULT-VALUE})")
    int keyIndex;

    @Option(names = "--legacy", description = "a legacy card: answers SELECT 1001 but not the T-Union AID")
    boolean legacy;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CARD.json", description = "card file to create")
    Path output;

    @Option(names = "--force", description = "replace the card file if it exists")
    boolean force;

    @Override
    public Integer call() {
        Args args = new Args(spec);
        if (serial == null || !serial.matches("[0-9]{20}")) {
            throw args.bad("--serial must be 20 decimal digits, got \"" + serial + "\"");
        }
        int cardType = CardTypes.parse(type).orElseThrow(() -> args.bad(
                "--type must be adult, student, senior, free or a 2-hex-digit code, got \"" + type + "\""));
        args.inRange("--balance", balance, 0, CardImage.MAX_BALANCE);
        byte[] issuerId = args.hex("--issuer", issuer, 8);
        LocalDate from = args.date("--valid-from", validFrom);
        LocalDate until = args.date("--valid-until", validUntil);
        if (until.isBefore(from)) {
            throw args.bad("--valid-until " + until + " is before --valid-from " + from);
        }
        args.inRange("--key-index", keyIndex, 0, 255);
        OutputFile.checkWritable(output, force);
        MasterKeys master = KeyFile.load(keys, spec.commandLine().getErr());
        KeyFile.keySet(master, keys, keyIndex);
        CardImage image;
        try {
            image = new CardIssuer(master).issue(CardProfile.builder(serial).issuerId(issuerId).cardType(cardType)
                    .validity(from, until).initialBalance(balance).purchaseKeyIndex(keyIndex).legacy(legacy).build());
        } catch (IllegalArgumentException e) {
            throw new ProvisionException("cannot issue the card: " + e.getMessage(), e);
        }
        OutputFile.writeSecret(output, image.toJson(), force);
        spec.commandLine().getOut().printf("issued card %s (%s, %s, key index %d) to %s%n", serial,
                CardTypes.describe(cardType), CardReport.yuan(balance), keyIndex, output);
        return 0;
    }
}
