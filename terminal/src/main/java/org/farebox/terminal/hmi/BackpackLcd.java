package org.farebox.terminal.hmi;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An HD44780 character LCD driven in 4-bit mode through a PCF8574 I2C backpack with the common wiring
 * P0=RS, P1=RW, P2=E, P3=backlight, P4..P7=D4..D7. Each nibble is three bus bytes (set up, E high, E low) so
 * RS is stable before E rises; the controller latches on the falling edge of E. Only rows that changed are
 * rewritten, and the whole line is written rather than cleared first, so the text never flickers.
 * Not thread-safe: the owner serialises calls.
 */
final class BackpackLcd {

    static final int RS = 0x01;
    static final int RW = 0x02;
    static final int E = 0x04;
    static final int BACKLIGHT = 0x08;

    static final int CMD_CLEAR = 0x01;
    static final int CMD_ENTRY_INCREMENT = 0x06;
    static final int CMD_DISPLAY_OFF = 0x08;
    static final int CMD_DISPLAY_ON = 0x0C;
    static final int CMD_FUNCTION_4BIT_1LINE = 0x20;
    static final int CMD_FUNCTION_4BIT_2LINES = 0x28;
    static final int CMD_SET_DDRAM = 0x80;

    private final I2cWriter bus;
    private final LcdGeometry geometry;
    private final Pause pause;
    /** What the LCD shows now, row by row; null entries are unknown and rewritten at the next frame. */
    private final String[] shown;
    private boolean initialised;

    BackpackLcd(I2cWriter bus, LcdGeometry geometry, Pause pause) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.shown = new String[geometry.rows()];
    }

    LcdGeometry geometry() {
        return geometry;
    }

    /**
     * The 4-bit initialisation by instruction of the HD44780 datasheet (figure 24): it works whatever state the
     * controller is in, including halfway through a byte after a failed write, so it is also the recovery.
     *
     * @param afterPowerOn wait the 40 ms the controller needs after power rises
     */
    void initialise(boolean afterPowerOn) {
        initialised = false;
        Arrays.fill(shown, null);
        if (afterPowerOn) {
            pause.micros(50_000);
        }
        bus.write(nibble(0x3, 0));
        pause.micros(4_500);
        bus.write(nibble(0x3, 0));
        pause.micros(150);
        bus.write(nibble(0x3, 0));
        pause.micros(150);
        bus.write(nibble(0x2, 0));
        pause.micros(150);
        int functionSet = geometry.rows() == 1 ? CMD_FUNCTION_4BIT_1LINE : CMD_FUNCTION_4BIT_2LINES;
        bus.write(concat(command(functionSet), command(CMD_DISPLAY_OFF), command(CMD_CLEAR)));
        pause.micros(2_000);
        bus.write(concat(command(CMD_ENTRY_INCREMENT), command(CMD_DISPLAY_ON)));
        initialised = true;
    }

    boolean isInitialised() {
        return initialised;
    }

    /** Shows the rows (each exactly as wide as the display), writing only those that changed. */
    void show(List<String> rows) {
        if (rows.size() != geometry.rows()) {
            throw new IllegalArgumentException("expected " + geometry.rows() + " rows, got " + rows.size());
        }
        for (int row = 0; row < rows.size(); row++) {
            String text = LineFitter.pad(rows.get(row), geometry.columns());
            if (text.equals(shown[row])) {
                continue;
            }
            shown[row] = null; // unknown until the write has gone through
            bus.write(rowBytes(row, text));
            shown[row] = text;
        }
    }

    /** Forgets what the display shows, so the next frame rewrites every row (after a failed write). */
    void forget() {
        Arrays.fill(shown, null);
        initialised = false;
    }

    private byte[] rowBytes(int row, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6 * (text.length() + 1));
        out.writeBytes(command(CMD_SET_DDRAM | geometry.rowAddress(row)));
        for (int i = 0; i < text.length(); i++) {
            out.writeBytes(data(LcdCharset.code(text.charAt(i))));
        }
        return out.toByteArray();
    }

    static byte[] command(int value) {
        return concat(nibble(value >> 4, 0), nibble(value, 0));
    }

    static byte[] data(int value) {
        return concat(nibble(value >> 4, RS), nibble(value, RS));
    }

    /** Three expander bytes that clock four bits into the controller: set up, E high, E low (the latch). */
    static byte[] nibble(int bits, int rs) {
        int base = ((bits & 0x0F) << 4) | BACKLIGHT | rs;
        return new byte[] {(byte) base, (byte) (base | E), (byte) base};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
