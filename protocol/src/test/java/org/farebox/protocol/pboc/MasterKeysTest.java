package org.farebox.protocol.pboc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.farebox.protocol.bytes.Hex;
import org.junit.jupiter.api.Test;

class MasterKeysTest {
    @Test
    void formatAndParseRoundTrip() {
        MasterKeys keys = MasterKeys.generate(new Random(1), 2, 1, 3);
        MasterKeys back = MasterKeys.parse(keys.format());
        assertEquals(2, back.diversificationLevels());
        assertArrayEquals(keys.keySet(1).purchase(), back.keySet(1).purchase());
        assertEquals(3, back.keySet(1).version());
    }

    @Test
    void cardKeyFollowsTheDiversificationLevels() {
        MasterKeys one = MasterKeys.generate(new Random(1), 1, 1, 1);
        byte[] issuer = Hex.parse("01005101FFFFFFFF");
        byte[] card = Hex.parse("0000000000001000");
        byte[] master = one.keySet(1).purchase();
        assertArrayEquals(PbocCrypto.diversify(master, card),
                one.cardKey(MasterKeys.Usage.PURCHASE, 1, issuer, card));
        MasterKeys two = MasterKeys.parse(one.format().replace("diversification_levels = 1", "diversification_levels = 2"));
        assertArrayEquals(PbocCrypto.diversify(PbocCrypto.diversify(master, issuer), card),
                two.cardKey(MasterKeys.Usage.PURCHASE, 1, issuer, card));
    }

    @Test
    void errorsNameTheLineOrTheKey() {
        String text = MasterKeys.generate(new Random(1), 1, 1, 1).format();
        assertMessage(text.replace("key.01.tac = ", "key.01.tac = ZZ"), "line 5");
        assertMessage(text + "key.01.colour = 00\n", "unknown key \"key.01.colour\"");
        assertMessage(text.replaceAll("key.01.maintenance = .*\n", ""), "key.01.maintenance is missing");
        assertMessage("diversification_levels = 3\n" + text.substring(text.indexOf("key.")), "must be 1 or 2");
        assertMessage("just words\n", "line 1: expected key = value");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
