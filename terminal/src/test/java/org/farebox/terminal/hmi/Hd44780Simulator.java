package org.farebox.terminal.hmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test stand-in for an HD44780 (ROM A00) fed through a PCF8574 backpack wired P0=RS, P1=RW, P2=E,
 * P3=backlight, P4..P7=D4..D7. It watches the expander's output byte by byte and acts on each falling edge of
 * E, like the controller: in 8-bit mode (its state at power-on) every edge is a whole instruction with
 * D3..D0 low; in 4-bit mode two edges make a byte, high nibble first. RS and RW are taken from the byte that
 * raised E. Written independently of the code under test, from the datasheet.
 */
final class Hd44780Simulator {

    private final LcdGeometry geometry;
    private final int[] ddram = new int[0x80];
    private final List<String> instructions = new ArrayList<>();
    private int pins = 0xFF; // a PCF8574 powers up with every port high
    private int pinsWhileEnabled = 0xFF;
    private boolean eightBit = true;
    private boolean twoLines;
    private boolean displayOn;
    private boolean increment = true;
    private boolean shiftDisplay;
    private boolean cgramSelected;
    private int addressCounter;
    private Integer pendingHighNibble;
    private int pendingRs;
    private int rsChangedMidByte;

    Hd44780Simulator(LcdGeometry geometry) {
        this.geometry = geometry;
        Arrays.fill(ddram, 0x20);
    }

    void feed(byte[] bytes) {
        for (byte b : bytes) {
            feed(b & 0xFF);
        }
    }

    void feed(int expander) {
        boolean eWasHigh = (pins & 0x04) != 0;
        boolean eHigh = (expander & 0x04) != 0;
        if (eHigh && !eWasHigh) {
            pinsWhileEnabled = expander;
        }
        if (eWasHigh && !eHigh) {
            latch(pinsWhileEnabled);
        }
        pins = expander;
    }

    private void latch(int latched) {
        int rs = latched & 0x01;
        boolean read = (latched & 0x02) != 0;
        int nibble = (latched >> 4) & 0x0F;
        if (read) {
            return; // a read cycle changes nothing we model
        }
        if (eightBit) {
            execute(rs, nibble << 4);
        } else if (pendingHighNibble == null) {
            pendingHighNibble = nibble;
            pendingRs = rs;
        } else {
            int value = (pendingHighNibble << 4) | nibble;
            pendingHighNibble = null;
            if (pendingRs != rs) {
                rsChangedMidByte++;
            }
            execute(rs, value); // the RS of the second nibble decides, as the byte completes with it

        }
    }

    private void execute(int rs, int value) {
        if (rs == 1) {
            instructions.add(String.format("DATA %02X", value));
            if (!cgramSelected) {
                ddram[addressCounter] = value;
            }
            moveCursor(increment);
            return;
        }
        instructions.add(String.format("CMD %02X", value));
        if (value >= 0x80) {
            cgramSelected = false;
            addressCounter = value & 0x7F;
        } else if (value >= 0x40) {
            cgramSelected = true;
        } else if (value >= 0x20) {
            eightBit = (value & 0x10) != 0;
            twoLines = (value & 0x08) != 0;
            pendingHighNibble = null;
        } else if (value >= 0x10) {
            if ((value & 0x08) != 0) {
                throw new AssertionError("display shift is not expected from the terminal");
            }
            moveCursor((value & 0x04) != 0);
        } else if (value >= 0x08) {
            displayOn = (value & 0x04) != 0;
        } else if (value >= 0x04) {
            increment = (value & 0x02) != 0;
            shiftDisplay = (value & 0x01) != 0;
        } else if (value >= 0x02) {
            cgramSelected = false;
            addressCounter = 0;
        } else if (value == 0x01) {
            Arrays.fill(ddram, 0x20);
            cgramSelected = false;
            addressCounter = 0;
            increment = true;
        }
    }

    private void moveCursor(boolean forward) {
        if (!twoLines) {
            addressCounter = Math.floorMod(addressCounter + (forward ? 1 : -1), 80);
            return;
        }
        // Two-line mode: 0x00..0x27 and 0x40..0x67, each running on into the other.
        if (forward) {
            addressCounter = addressCounter == 0x27 ? 0x40 : addressCounter == 0x67 ? 0x00 : addressCounter + 1;
        } else {
            addressCounter = addressCounter == 0x40 ? 0x27 : addressCounter == 0x00 ? 0x67 : addressCounter - 1;
        }
    }

    /** What a person reads on one row: ROM A00 shows 0x5C as ¥. */
    String row(int row) {
        StringBuilder text = new StringBuilder();
        int start = geometry.rowAddress(row);
        for (int column = 0; column < geometry.columns(); column++) {
            int code = ddram[start + column];
            text.append(code == 0x5C ? '¥' : code >= 0x20 && code <= 0x7D ? (char) code : '\uFFFD');
        }
        return text.toString();
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < geometry.rows(); row++) {
            rows.add(row(row));
        }
        return rows;
    }

    int ddramAt(int address) {
        return ddram[address];
    }

    boolean isFourBitMode() {
        return !eightBit;
    }

    boolean isTwoLines() {
        return twoLines;
    }

    boolean isDisplayOn() {
        return displayOn;
    }

    boolean isShiftingDisplay() {
        return shiftDisplay;
    }

    boolean isBacklightOn() {
        return (pins & 0x08) != 0;
    }

    /** How often the two nibbles of a byte came with different RS: only after a broken-off write. */
    int rsChangedMidByte() {
        return rsChangedMidByte;
    }

    boolean isMidByte() {
        return pendingHighNibble != null;
    }

    /** Every instruction executed, as "CMD 28" or "DATA 5C". */
    List<String> instructions() {
        return List.copyOf(instructions);
    }
}
