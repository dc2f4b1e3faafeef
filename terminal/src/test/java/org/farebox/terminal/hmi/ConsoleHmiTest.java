package org.farebox.terminal.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleHmiTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drawsTheLcdAsABoxWithLedsBuzzerAndDriverLine() {
        try (ConsoleHmi hmi = new ConsoleHmi(out)) {
            hmi.show(Display.paid(200, 4800, "student"));
        }
        assertEquals("""
                +----------------+  [green] beep beep
                |OK STUDENT ¥2.00|  driver: STUDENT    ¥2.00
                |Balance   ¥48.00|
                +----------------+
                """, printed());
    }

    @Test
    void drawsA20x4Display() {
        new ConsoleHmi(out, LcdGeometry.LCD_20X4).show(Display.cardExpired());
        assertEquals("""
                +--------------------+  [red] long beep
                |CARD EXPIRED        |  driver: EXPIRED CARD
                |Please renew        |
                |                    |
                |Not charged         |
                +--------------------+
                """, printed());
    }

    @Test
    void silentFrameIsNotRedrawnUntilItChanges() {
        ConsoleHmi hmi = new ConsoleHmi(out);
        hmi.show(Display.ready("Route 101"));
        int once = printed().length();
        hmi.show(Display.ready("Route 101"));
        assertEquals(once, printed().length());
        hmi.show(Display.ready("Route 102"));
        assertEquals(2 * once, printed().length());
    }

    @Test
    void repeatedAnswerIsDrawnAgainBecauseItBeepsAgain() {
        ConsoleHmi hmi = new ConsoleHmi(out);
        hmi.show(Display.paid(200, 4800, "adult"));
        int once = printed().length();
        hmi.show(Display.paid(200, 4800, "adult"));
        assertEquals(2 * once, printed().length());
    }
}
