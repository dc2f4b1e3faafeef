package org.farebox.simulator.card;

import java.time.LocalDateTime;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;

/** Keys, identities and cards shared by the simulator's tests. */
final class Fixtures {
    static final String SERIAL = "31040000000012345678";
    static final byte[] ISSUER_ID = Hex.parse("01005101FFFFFFFF");
    static final byte[] TERMINAL_NO = Hex.parse("001122334455");
    static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 15, 8, 30, 5);

    static final MasterKeys ONE_LEVEL = MasterKeys.parse(String.join("\n",
            "diversification_levels = 1",
            "key.01.version = 01",
            "key.01.purchase = 11223344556677888877665544332211",
            "key.01.tac = 0123456789ABCDEFFEDCBA9876543210",
            "key.01.maintenance = A1A2A3A4A5A6A7A8B1B2B3B4B5B6B7B8",
            "key.02.version = 07",
            "key.02.purchase = 22222222222222223333333333333333",
            "key.02.tac = 44444444444444445555555555555555",
            "key.02.maintenance = 66666666666666667777777777777777"));

    static final MasterKeys TWO_LEVEL = MasterKeys.parse(ONE_LEVEL.format()
            .replace("diversification_levels = 1", "diversification_levels = 2"));

    private Fixtures() {
    }

    static CardProfile.Builder profile() {
        return CardProfile.builder(SERIAL).issuerId(ISSUER_ID).initialBalance(5000).purchaseKeyIndex(1);
    }

    static CardImage image(long balance) {
        return new CardIssuer(ONE_LEVEL).issue(profile().initialBalance(balance).build());
    }

    static VirtualTUnionCard card(long balance) {
        return new VirtualTUnionCard(image(balance));
    }

    static VirtualPsam psam() {
        return new VirtualPsam(ONE_LEVEL, PsamProfile.of(TERMINAL_NO, 1));
    }
}
