package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreenLayoutTest {

    private static final ScreenLayout SMALL = new ScreenLayout(LcdGeometry.LCD_16X2);
    private static final ScreenLayout LARGE = new ScreenLayout(LcdGeometry.LCD_20X4);

    /** Rows with trailing spaces removed, after checking each row is exactly as wide as the display. */
    private static List<String> rows(ScreenLayout layout, Display display) {
        List<String> lines = layout.passengerLines(display);
        assertEquals(layout.geometry().rows(), lines.size(), "row count");
        for (String line : lines) {
            assertEquals(layout.geometry().columns(), line.length(), "width of \"" + line + "\"");
        }
        return lines.stream().map(String::stripTrailing).toList();
    }

    @Test
    void readyShowsTheRoute() {
        assertEquals(List.of("READY", "Route 101"), rows(SMALL, Display.ready("Route 101")));
        assertEquals(List.of("READY", "Route 101", "", "Please tap card"), rows(LARGE, Display.ready("Route 101")));
    }

    @Test
    void adultPaymentShowsOkFareAndBalanceInYuan() {
        Display paid = Display.paid(200, 4800, "adult");
        assertEquals(List.of("OK         ¥2.00", "Balance   ¥48.00"), rows(SMALL, paid));
        assertEquals(List.of("OK             ¥2.00", "Balance       ¥48.00", "", "Have a good trip"),
                rows(LARGE, paid));
    }

    @Test
    void concessionPaymentNamesTheCategory() {
        assertEquals(List.of("OK STUDENT ¥2.00", "Balance   ¥48.00"), rows(SMALL, Display.paid(200, 4800, "student")));
        assertEquals(List.of("OK SENIOR  ¥1.00", "Balance    ¥9.50"), rows(SMALL, Display.paid(100, 950, "senior")));
        assertEquals(List.of("OK FREE    ¥0.00", "Balance    ¥0.00"), rows(SMALL, Display.paid(0, 0, "free")));
        assertEquals(List.of("OK STUDENT     ¥2.00", "Balance       ¥48.00", "", "Have a good trip"),
                rows(LARGE, Display.paid(200, 4800, "student")));
    }

    @Test
    void concessionKeepsTheCategoryWhenTheFareLeavesNoRoomForOk() {
        assertEquals("STUDENT   ¥12.00", rows(SMALL, Display.paid(1200, 4800, "student")).get(0));
    }

    @Test
    void lowBalanceShowsTheBalanceAndOnLargeDisplaysTheFare() {
        Display low = Display.lowBalance(120, 200);
        assertEquals(List.of("LOW BALANCE", "Balance    ¥1.20"), rows(SMALL, low));
        assertEquals(List.of("LOW BALANCE", "Balance        ¥1.20", "Fare           ¥2.00", "Please top up"),
                rows(LARGE, low));
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertEquals(List.of("CARD BLOCKED", "See the driver"), rows(SMALL, Display.cardBlocked()));
        assertEquals(List.of("CARD BLOCKED", "See the driver", "", "Not charged"), rows(LARGE, Display.cardBlocked()));
        assertEquals(List.of("CARD EXPIRED", "Please renew"), rows(SMALL, Display.cardExpired()));
        assertEquals(List.of("CARD EXPIRED", "Please renew", "", "Not charged"), rows(LARGE, Display.cardExpired()));
        assertEquals(List.of("NOT YET VALID", "Card not active"), rows(SMALL, Display.cardNotYetValid()));
        assertEquals(List.of("NOT YET VALID", "Card not active", "", "Not charged"),
                rows(LARGE, Display.cardNotYetValid()));
        assertEquals(List.of("CARD REJECTED", "UNKNOWN ISSUER"), rows(SMALL, Display.cardRejected("UNKNOWN ISSUER")));
        assertEquals(List.of("CARD REJECTED", "UNKNOWN ISSUER", "", "Not charged"),
                rows(LARGE, Display.cardRejected("UNKNOWN ISSUER")));
    }

    @Test
    void rejectionWithoutReasonSendsThePassengerToTheDriver() {
        assertEquals(List.of("CARD REJECTED", "See the driver"), rows(SMALL, Display.cardRejected(null)));
    }

    @Test
    void tapAgainAndOutOfService() {
        assertEquals(List.of("TAP AGAIN", "Hold card still"), rows(SMALL, Display.tapAgain()));
        assertEquals(List.of("TAP AGAIN", "Hold card still", "", ""), rows(LARGE, Display.tapAgain()));
        assertEquals(List.of("OUT OF SERVICE", "NO SAM"), rows(SMALL, Display.outOfService("NO SAM")));
        assertEquals(List.of("OUT OF SERVICE", "NO SAM", "", ""), rows(LARGE, Display.outOfService("NO SAM")));
    }

    @Test
    void longTextIsCutAtAWordAndNeverOverflows() {
        assertEquals("Route 101", rows(SMALL, Display.ready("Route 101 Airport Express")).get(1));
        assertEquals("Route 101 Airport", rows(LARGE, Display.ready("Route 101 Airport Express")).get(1));
        assertEquals("CARDISSUERUNKNOW", rows(SMALL, Display.cardRejected("CARDISSUERUNKNOWNTOUS")).get(1));
    }

    @Test
    void hugeBalanceUsesTheShortLabelAndAnAmountThatCannotFitIsNotCutIntoAWrongNumber() {
        assertEquals("Bal   ¥123456.78", rows(SMALL, Display.paid(200, 12_345_678, "adult")).get(1));
        assertEquals("################", rows(SMALL, Display.paid(200, Long.MAX_VALUE, "adult")).get(1));
    }

    @Test
    void negativeBalanceShowsASign() {
        assertEquals("Balance   -¥0.50", rows(SMALL, Display.paid(200, -50, "adult")).get(1));
    }

    @Test
    void charactersTheLcdWouldShowDifferentlyAreReplaced() {
        // On ROM A00 a backslash would appear as ¥ and a tilde as an arrow; Chinese characters do not exist.
        assertEquals("A?B?C??", rows(SMALL, Display.outOfService("A\\B~C北京")).get(1));
    }

    @Test
    void oneRowDisplayShowsTheMostImportantLine() {
        ScreenLayout oneRow = new ScreenLayout(new LcdGeometry(16, 1));
        assertEquals(List.of("OK STUDENT ¥2.00"), rows(oneRow, Display.paid(200, 4800, "student")));
    }

    @Test
    void driverLineNamesTheCategoryAndFare() {
        assertEquals("STUDENT    ¥2.00", SMALL.driverLine(Display.paid(200, 4800, "student")));
        assertEquals("SENIOR         ¥0.00", LARGE.driverLine(Display.paid(0, 4800, "senior")));
        assertEquals("ADULT      ¥2.00", SMALL.driverLine(Display.paid(200, 4800, "adult")));
        assertEquals("LOW BAL    ¥1.20", SMALL.driverLine(Display.lowBalance(120, 200)));
        assertEquals("LOW BALANCE    ¥1.20", LARGE.driverLine(Display.lowBalance(120, 200)));
    }

    @Test
    void driverLineForEveryKindFitsAndSaysSomething() {
        for (Display display : everyKind()) {
            for (ScreenLayout layout : List.of(SMALL, LARGE)) {
                String line = layout.driverLine(display);
                assertEquals(layout.geometry().columns(), line.length(), display.kind() + " driver line");
                assertTrue(!line.isBlank(), display.kind() + " driver line is blank");
            }
        }
        assertEquals("READY  Route 101", SMALL.driverLine(Display.ready("Route 101")).stripTrailing());
        assertEquals("BLOCKED CARD", SMALL.driverLine(Display.cardBlocked()).stripTrailing());
        assertEquals("REJECTED CARD", SMALL.driverLine(Display.cardRejected("CARD ERROR")).stripTrailing());
    }

    @Test
    void driverLcdHasTheDriverLineOnTopAndBlankRowsBelow() {
        List<String> lines = LARGE.driverLines(Display.paid(100, 4800, "student"));
        assertEquals(List.of("STUDENT        ¥1.00", " ".repeat(20), " ".repeat(20), " ".repeat(20)), lines);
    }

    @Test
    void everyKindInBothGeometriesFillsTheDisplayExactly() {
        Set<DisplayKind> seen = EnumSet.noneOf(DisplayKind.class);
        for (Display display : everyKind()) {
            seen.add(display.kind());
            assertTrue(!rows(SMALL, display).get(0).isBlank(), display.kind() + " first row is blank");
            assertTrue(!rows(LARGE, display).get(0).isBlank(), display.kind() + " first row is blank");
        }
        assertEquals(EnumSet.allOf(DisplayKind.class), seen);
    }

    @Test
    void randomTextAndAmountsNeverOverflowAnyGeometry() {
        Random random = new Random(20240611L);
        List<LcdGeometry> geometries = List.of(new LcdGeometry(8, 1), new LcdGeometry(8, 2), LcdGeometry.LCD_16X2,
                new LcdGeometry(16, 4), LcdGeometry.LCD_20X4, new LcdGeometry(40, 2));
        for (int i = 0; i < 2000; i++) {
            String text = randomText(random);
            long amount = random.nextBoolean() ? random.nextInt(100_000) : random.nextLong();
            List<Display> displays = List.of(Display.ready(text), Display.paid(Math.abs(amount % 1_000_000), amount, text),
                    Display.lowBalance(amount, 200), Display.cardRejected(text), Display.outOfService(text));
            for (LcdGeometry geometry : geometries) {
                ScreenLayout layout = new ScreenLayout(geometry);
                for (Display display : displays) {
                    for (String line : layout.passengerLines(display)) {
                        assertEquals(geometry.columns(), line.length());
                        assertTrue(line.chars().allMatch(c -> LcdCharset.isShowable((char) c)), line);
                    }
                    assertEquals(geometry.columns(), layout.driverLine(display).length());
                }
            }
        }
    }

    static List<Display> everyKind() {
        return List.of(Display.ready("Route 101"), Display.paid(200, 4800, "adult"), Display.paid(100, 4800, "student"),
                Display.lowBalance(120, 200), Display.cardBlocked(), Display.cardExpired(), Display.cardNotYetValid(),
                Display.cardRejected("UNKNOWN ISSUER"), Display.tapAgain(), Display.outOfService("NO SAM"));
    }

    private static String randomText(Random random) {
        String alphabet = "ABCDEFGHIJ klmnop 0123456789 ¥\\~\t北-";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(50);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
