package org.farebox.terminal.hmi;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The HMI without hardware, for the demo and for operators: draws the passenger's LCD as a box, with the LED
 * and buzzer pattern and the driver's line beside it.
 *
 * <pre>
 * +----------------+  [green] beep beep
 * |OK STUDENT ¥2.00|  driver: STUDENT    ¥2.00
 * |Balance   ¥48.00|
 * +----------------+
 * </pre>
 *
 * A silent frame identical to the last one drawn is not drawn again (the terminal may repeat READY between
 * taps); a frame that beeps is an event and is always drawn, as the buzzer would sound again.
 */
public final class ConsoleHmi implements Hmi {

    private final PrintStream out;
    private final ScreenLayout layout;
    private String lastFrame;

    public ConsoleHmi(PrintStream out, LcdGeometry geometry) {
        this.out = Objects.requireNonNull(out, "out");
        this.layout = new ScreenLayout(geometry);
    }

    /** A 16×2 passenger LCD. */
    public ConsoleHmi(PrintStream out) {
        this(out, LcdGeometry.LCD_16X2);
    }

    @Override
    public synchronized void show(Display display) {
        IndicatorPattern pattern = Indicators.patternFor(display);
        String frame = frame(display, pattern);
        if (frame.equals(lastFrame) && pattern.beeps().isEmpty()) {
            return;
        }
        lastFrame = frame;
        out.print(frame);
        out.flush();
    }

    /** The text drawn for a display, lines ending with '\n'. */
    String frame(Display display, IndicatorPattern pattern) {
        String border = "+" + "-".repeat(layout.geometry().columns()) + "+";
        List<String> rows = new ArrayList<>();
        rows.add(border);
        for (String line : layout.passengerLines(display)) {
            rows.add("|" + line + "|");
        }
        rows.add(border);
        rows.set(0, rows.get(0) + "  " + pattern.describe());
        rows.set(1, rows.get(1) + "  driver: " + layout.driverLine(display).strip());
        StringBuilder text = new StringBuilder();
        for (String row : rows) {
            text.append(row.stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
