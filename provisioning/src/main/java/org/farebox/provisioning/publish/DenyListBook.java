package org.farebox.provisioning.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.farebox.protocol.deny.DenyListSnapshot;
import org.farebox.protocol.deny.DenyReason;
import org.farebox.provisioning.ProvisionException;

/**
 * The operator's deny-list source text: one entry per line, {@code SERIAL[,REASON]} for a card (20 digits) or
 * {@code account:ID[,REASON]} for a QR account, REASON one of LOST, STOLEN, FRAUD, REPLACED, OPERATOR (default
 * OPERATOR); {@code #} comments and blank lines are skipped.
 */
final class DenyListBook {
    private DenyListBook() {
    }

    static DenyListSnapshot read(Path file, long version, Instant issuedAt) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProvisionException("deny list " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new ProvisionException("cannot read deny list " + file + ": " + e.getMessage(), e);
        }
        DenyListSnapshot.Builder b = DenyListSnapshot.builder(version, issuedAt);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.indexOf(',');
            String key = (comma < 0 ? line : line.substring(0, comma)).strip();
            String reasonText = comma < 0 ? "OPERATOR" : line.substring(comma + 1).strip();
            try {
                DenyReason reason = DenyReason.ofText(reasonText);
                if (key.startsWith("account:")) {
                    b.account(key.substring("account:".length()), reason);
                } else {
                    b.card(key, reason);
                }
            } catch (IllegalArgumentException e) {
                throw new ProvisionException("deny list " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return b.build();
    }
}
