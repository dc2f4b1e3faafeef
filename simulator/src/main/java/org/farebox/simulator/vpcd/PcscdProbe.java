package org.farebox.simulator.vpcd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * Tells whether the real PC/SC stack (pcscd with the vpcd driver) can be used from this JVM, and whether
 * the environment insists on it (CI=true), so integration tests can skip, or fail loudly, with the reason.
 */
public final class PcscdProbe {
    /** Where pcsc-lite's daemon listens unless PCSCLITE_CSOCK_NAME says otherwise. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/pcscd/pcscd.comm");

    private PcscdProbe() {
    }

    /** Empty if pcscd answers and lists {@code readerName}; otherwise what is missing and how to fix it. */
    public static Optional<String> whyUnavailable(String readerName) {
        String override = System.getenv("PCSCLITE_CSOCK_NAME");
        Path socket = override == null || override.isBlank() ? DEFAULT_SOCKET : Path.of(override);
        if (!Files.exists(socket)) {
            return Optional.of("pcscd is not running: " + socket + " does not exist"
                    + " (install pcscd and vsmartcard-vpcd, then start `pcscd -f &`)");
        }
        List<CardTerminal> terminals;
        try {
            terminals = TerminalFactory.getInstance("PC/SC", null).terminals().list();
        } catch (NoSuchAlgorithmException e) {
            return Optional.of("the JDK's PC/SC provider cannot reach pcscd: " + e.getMessage()
                    + " (is libpcsclite1 installed? is sun.security.smartcardio.library right?)");
        } catch (CardException | RuntimeException e) {
            return Optional.of("pcscd did not list its readers: " + e);
        }
        boolean found = terminals.stream().anyMatch(t -> t.getName().equals(readerName));
        if (!found) {
            return Optional.of("pcscd runs but has no reader \"" + readerName + "\" (it lists "
                    + terminals.stream().map(CardTerminal::getName).toList()
                    + "; install vsmartcard-vpcd and restart pcscd)");
        }
        return Optional.empty();
    }

    /** True when the environment variable CI is "true": there a missing pcscd is a failure, not a skip. */
    public static boolean requiredByCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
