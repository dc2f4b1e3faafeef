package org.farebox.protocol.signed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UpdateVerifierTest {
    private static final KeyPair OPERATOR = Ed25519Keys.generate();
    private static final KeyPair ATTACKER = Ed25519Keys.generate();
    private static final byte[] PAYLOAD = "{\"fares\":[200]}".getBytes(StandardCharsets.UTF_8);

    private final UpdateVerifier verifier = new UpdateVerifier(List.of(OPERATOR.getPublic()));

    private static byte[] signed(KeyPair by, UpdateKind kind, String target) {
        return new UpdateSigner(by.getPrivate()).sign(kind, "cdtransit", target, 7, Instant.ofEpochMilli(1_700_000_000_000L),
                Map.of("valid_from", "2026-12-01T04:30:00+08:00"), PAYLOAD);
    }

    private RejectReason reasonFor(byte[] message) {
        return assertThrows(UpdateRejectedException.class,
                () -> verifier.verify(message, UpdateKind.FARE_TABLE, "cdtransit", "fleet", 1 << 20)).reason();
    }

    @Test
    void aMessageSignedByTheOperatorKeyIsAcceptedWithItsHeaderAndPayload() throws Exception {
        SignedUpdate u = verifier.verify(signed(OPERATOR, UpdateKind.FARE_TABLE, "fleet"), UpdateKind.FARE_TABLE,
                "cdtransit", "fleet", 1 << 20);
        assertEquals(7, u.version());
        assertEquals("2026-12-01T04:30:00+08:00", u.attribute("valid_from").orElseThrow());
        assertArrayEquals(PAYLOAD, u.payload());
        assertEquals(Ed25519Keys.keyId(OPERATOR.getPublic()), u.keyId());
    }

    @Test
    void aMessageSignedByAnotherKeyIsRefusedAsUnknownSigner() {
        assertEquals(RejectReason.UNKNOWN_KEY, reasonFor(signed(ATTACKER, UpdateKind.FARE_TABLE, "fleet")));
    }

    @Test
    void anAttackerCopyingTheOperatorKeyIdStillFailsTheSignature() {
        byte[] forged = signed(ATTACKER, UpdateKind.FARE_TABLE, "fleet");
        String attackerId = Ed25519Keys.keyId(ATTACKER.getPublic());
        String operatorId = Ed25519Keys.keyId(OPERATOR.getPublic());
        String text = new String(forged, StandardCharsets.ISO_8859_1).replace(attackerId, operatorId);
        assertEquals(RejectReason.BAD_SIGNATURE, reasonFor(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void everySingleBitFlipIsRefused() {
        byte[] good = signed(OPERATOR, UpdateKind.FARE_TABLE, "fleet");
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            int b = bit;
            assertThrows(UpdateRejectedException.class,
                    () -> verifier.verify(bad, UpdateKind.FARE_TABLE, "cdtransit", "fleet", 1 << 20), "bit " + b);
        }
    }

    @Test
    void everyTruncationAndAnyAppendedByteIsRefusedAsMalformed() {
        byte[] good = signed(OPERATOR, UpdateKind.FARE_TABLE, "fleet");
        for (int n = 0; n < good.length; n++) {
            RejectReason r = reasonFor(Arrays.copyOf(good, n));
            assertEquals(RejectReason.MALFORMED, r, "truncated to " + n);
        }
        assertEquals(RejectReason.MALFORMED, reasonFor(Arrays.copyOf(good, good.length + 1)));
    }

    @Test
    void oversizeIsRefusedBeforeParsing() {
        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(1).nextBytes(garbage);
        RejectReason r = assertThrows(UpdateRejectedException.class,
                () -> verifier.verify(garbage, UpdateKind.DENY_LIST, "cdtransit", "fleet", 1 << 20)).reason();
        assertEquals(RejectReason.OVERSIZE, r);
    }

    @Test
    void randomGarbageIsRefusedWithoutAnException() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] g = new byte[random.nextInt(300)];
            random.nextBytes(g);
            if (i % 2 == 0 && g.length > 8) {
                System.arraycopy(new byte[] {'F', 'B', 'S', 'U', 1}, 0, g, 0, 5);
            }
            assertThrows(UpdateRejectedException.class,
                    () -> verifier.verify(g, UpdateKind.FARE_TABLE, "cdtransit", "fleet", 1 << 20));
        }
    }

    @Test
    void aGenuineMessageOnTheWrongTopicOrForAnotherTerminalIsRefused() {
        byte[] denyList = signed(OPERATOR, UpdateKind.DENY_LIST, "fleet");
        assertEquals(RejectReason.WRONG_KIND, reasonFor(denyList));
        byte[] forT2 = signed(OPERATOR, UpdateKind.COMMAND, "T2");
        RejectReason r = assertThrows(UpdateRejectedException.class,
                () -> verifier.verify(forT2, UpdateKind.COMMAND, "cdtransit", "T1", 1 << 20)).reason();
        assertEquals(RejectReason.WRONG_TARGET, r);
        RejectReason op = assertThrows(UpdateRejectedException.class,
                () -> verifier.verify(forT2, UpdateKind.COMMAND, "othercity", "T2", 1 << 20)).reason();
        assertEquals(RejectReason.WRONG_OPERATOR, op);
    }

    @Test
    void aPublicKeySurvivesItsTextFormAndDerivesFromThePrivateKey() {
        String text = Ed25519Keys.toText(OPERATOR.getPublic());
        assertEquals(Ed25519Keys.keyId(OPERATOR.getPublic()), Ed25519Keys.keyId(Ed25519Keys.parsePublic(text)));
        assertEquals(text, Ed25519Keys.toText(Ed25519Keys.publicOf(OPERATOR.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.parsePublic("ed25519:zz"));
    }
}
