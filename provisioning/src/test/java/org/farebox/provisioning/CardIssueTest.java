package org.farebox.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.StatusWord;
import org.farebox.simulator.card.CardImage;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import org.farebox.simulator.card.VirtualTUnionCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardIssueTest {
    private static final String SERIAL = "31045101000000004321";
    private static final byte[] TERMINAL_NO = Hex.parse("000051010007");

    @TempDir
    Path dir;

    private Path keys(String... extra) {
        Path file = dir.resolve("keys.conf");
        String[] args = new String[4 + extra.length];
        args[0] = "keys";
        args[1] = "generate";
        args[2] = "-o";
        args[3] = file.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        assertEquals(0, Cli.run(args).exitCode());
        return file;
    }

    /** Issues with defaults for the required options; {@code extra} adds options or replaces a default's value. */
    private Cli.Run issue(Path keys, Path card, String... extra) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--keys", keys.toString());
        options.put("--serial", SERIAL);
        options.put("--type", "adult");
        options.put("--balance", "5000");
        options.put("-o", card.toString());
        java.util.List<String> flags = new java.util.ArrayList<>();
        for (int i = 0; i < extra.length; i++) {
            if (extra[i].equals("--legacy") || extra[i].equals("--force")) {
                flags.add(extra[i]);
            } else {
                options.put(extra[i], extra[++i]);
            }
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("card", "issue"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.addAll(flags);
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void cardIssuedWithGeneratedKeysCompletesAPurchaseAgainstAVirtualPsamWithTheSameKeys() throws Exception {
        Path keys = keys();
        Path card = dir.resolve("card.json");
        assertEquals(0, issue(keys, card).exitCode());
        MasterKeys master = MasterKeys.parse(Files.readString(keys));
        VirtualPsam psam = new VirtualPsam(master, PsamProfile.of(TERMINAL_NO, 1));
        ApduPurchase.Result r = ApduPurchase.run(VirtualTUnionCard.open(card), psam, 1, 200, false);
        assertEquals(StatusWord.OK, r.mac2Status());
        assertEquals(4800, r.balanceAfter());
        assertEquals(4800, CardImage.load(card).balance());
    }

    @Test
    void twoLevelKeysAndAnotherKeyIndexAlsoWorkEndToEnd() throws Exception {
        Path keys = keys("--levels", "2", "--key-index", "2");
        Path card = dir.resolve("card.json");
        assertEquals(0, issue(keys, card, "--key-index", "2", "--issuer", "02003100FFFFFFFF").exitCode());
        MasterKeys master = MasterKeys.parse(Files.readString(keys));
        VirtualPsam psam = new VirtualPsam(master, PsamProfile.of(TERMINAL_NO, 2));
        ApduPurchase.Result r = ApduPurchase.run(VirtualTUnionCard.open(card), psam, 2, 150, true);
        assertEquals(StatusWord.OK, r.mac2Status());
        assertEquals(4850, r.balanceAfter());
    }

    @Test
    void cardFromOtherKeysFailsMac1AndKeepsItsBalance() throws Exception {
        Path keys = keys();
        Path card = dir.resolve("card.json");
        assertEquals(0, issue(keys, card).exitCode());
        MasterKeys other = MasterKeys.generate(new java.util.Random(1), 1, 1, 1);
        VirtualPsam psam = new VirtualPsam(other, PsamProfile.of(TERMINAL_NO, 1));
        ApduPurchase.Result r = ApduPurchase.run(VirtualTUnionCard.open(card), psam, 1, 200, false);
        assertEquals(StatusWord.MAC_INVALID, r.debitStatus());
        assertEquals(5000, r.balanceAfter());
        assertEquals(5000, CardImage.load(card).balance());
    }

    @Test
    void issuedCardCarriesTheRequestedIdentity() throws Exception {
        Path card = dir.resolve("card.json");
        Cli.Run run = issue(keys(), card, "--type", "03", "--valid-from", "2026-01-01", "--valid-until", "2030-12-31",
                "--issuer", "02003100FFFFFFFF");
        assertEquals(0, run.exitCode(), run.err());
        CardImage image = CardImage.load(card);
        assertEquals(SERIAL, image.serialNumber());
        assertEquals(0x03, image.managementInfo().cardType());
        assertEquals(5000, image.balance());
        assertEquals(LocalDate.of(2026, 1, 1), image.publicBasicData().validFrom());
        assertEquals(LocalDate.of(2030, 12, 31), image.publicBasicData().validUntil());
        assertEquals("0200", image.publicBasicData().issuerCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(card)));
    }

    @Test
    void legacyFlagMakesALegacyCard() throws Exception {
        Path card = dir.resolve("card.json");
        assertEquals(0, issue(keys(), card, "--legacy").exitCode());
        assertTrue(CardImage.load(card).legacy());
    }

    @Test
    void shortSerialIsAUsageErrorAndNoCardIsWritten() {
        Path card = dir.resolve("card.json");
        Cli.Run run = Cli.run("card", "issue", "--keys", keys().toString(), "--serial", "1234", "--type", "adult",
                "--balance", "5000", "-o", card.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--serial must be 20 decimal digits"), run.err());
        assertFalse(Files.exists(card));
    }

    @Test
    void badIssuerHexIsAUsageError() {
        Cli.Run run = issue(keys(), dir.resolve("card.json"), "--issuer", "01005101FFFFFFFG");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--issuer must be 16 hex digits"), run.err());
    }

    @Test
    void unknownTypeNameIsAUsageError() {
        Cli.Run run = issue(keys(), dir.resolve("card.json"), "--type", "pensioner");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--type must be adult, student, senior, free"), run.err());
    }

    @Test
    void validityEndingBeforeItStartsIsAUsageError() {
        Cli.Run run = issue(keys(), dir.resolve("card.json"), "--valid-from", "2027-01-01", "--valid-until",
                "2026-01-01");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("before --valid-from"), run.err());
    }

    @Test
    void nonNumericBalanceIsAUsageError() {
        Cli.Run run = issue(keys(), dir.resolve("card.json"), "--balance", "fifty");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--balance"), run.err());
    }

    @Test
    void keyIndexMissingFromTheKeyFileFailsNamingTheIndexesItHas() {
        Cli.Run run = issue(keys(), dir.resolve("card.json"), "--key-index", "5");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no keys for key index 5") && run.err().contains("key index 1"), run.err());
    }

    @Test
    void brokenKeyFileFailsNamingTheLine() throws Exception {
        Path keys = dir.resolve("bad.conf");
        Files.writeString(keys, "diversification_levels = 1\nkey.01.colour = red\n");
        Cli.Run run = issue(keys, dir.resolve("card.json"));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("bad.conf") && run.err().contains("line 2"), run.err());
    }

    @Test
    void existingCardFileIsNotOverwrittenWithoutForce() throws Exception {
        Path keys = keys();
        Path card = dir.resolve("card.json");
        assertEquals(0, issue(keys, card).exitCode());
        String before = Files.readString(card);
        Cli.Run run = issue(keys, card, "--balance", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--force"), run.err());
        assertEquals(before, Files.readString(card));
        assertEquals(0, issue(keys, card, "--balance", "1", "--force").exitCode());
        assertEquals(1, CardImage.load(card).balance());
    }
}
