package org.farebox.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.CardIssuer;
import org.farebox.simulator.card.CardProfile;

/** The demo's passengers' cards: issued once, saved as files, so every balance change is on disk. */
final class DemoCards {
    /** One passenger's card and what role it plays in the demo. */
    record Passenger(String label, Path file, long initialBalance) {
    }

    static final String ISSUER_ID = "01005101FFFFFFFF";

    private DemoCards() {
    }

    /**
     * 20 cards: 13 adults, 3 students, 2 seniors, one with too little money and one on the deny list.
     * The adult "torn" card is the one the passenger pulls away mid-debit.
     */
    static List<Passenger> issue(MasterKeys keys, Path dir, LocalDate today) throws IOException {
        Files.createDirectories(dir);
        CardIssuer issuer = new CardIssuer(keys);
        List<Passenger> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String label;
            int type = 0x01;
            long balance = 5_000;
            if (i < 12) {
                label = "adult-" + (i + 1);
            } else if (i == 12) {
                label = "adult-torn";
            } else if (i < 16) {
                label = "student-" + (i - 12);
                type = 0x02;
            } else if (i < 18) {
                label = "senior-" + (i - 15);
                type = 0x03;
            } else if (i == 18) {
                label = "low-balance";
                balance = 300;
            } else {
                label = "blocked";
            }
            String serial = String.format("3104510100%010d", 1000 + i);
            CardImage image = issuer.issue(CardProfile.builder(serial).issuerId(Hex.parse(ISSUER_ID)).cardType(type)
                    .validity(today.minusYears(1), today.plusYears(5)).initialBalance(balance).purchaseKeyIndex(1).build());
            Path file = dir.resolve(label + ".json");
            image.save(file);
            out.add(new Passenger(label, file, balance));
        }
        return out;
    }

    static String serialOf(Passenger p) throws IOException {
        return CardImage.load(p.file()).serialNumber();
    }
}
