package org.farebox.terminal.hmi;

/**
 * The size of an HD44780 character LCD. The controller has 80 characters of display memory laid out as two
 * lines of 40, so a 4-row display is two long lines folded: rows 2 and 3 continue rows 0 and 1.
 */
public record LcdGeometry(int columns, int rows) {

    public static final LcdGeometry LCD_16X2 = new LcdGeometry(16, 2);
    public static final LcdGeometry LCD_20X4 = new LcdGeometry(20, 4);

    public LcdGeometry {
        if (rows != 1 && rows != 2 && rows != 4) {
            throw new IllegalArgumentException("an HD44780 LCD has 1, 2 or 4 rows, got " + rows);
        }
        int maxColumns = rows == 4 ? 20 : 40;
        if (columns < 8 || columns > maxColumns) {
            throw new IllegalArgumentException("an HD44780 LCD with " + rows + " rows has 8.." + maxColumns
                    + " columns, got " + columns);
        }
    }

    /** Parses "16x2" or "20x4" (as in a config file). */
    public static LcdGeometry parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().toLowerCase(java.util.Locale.ROOT).split("[x×]");
        if (parts.length != 2) {
            throw new IllegalArgumentException("LCD size must look like 16x2 or 20x4, got \"" + text + "\"");
        }
        try {
            return new LcdGeometry(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LCD size must look like 16x2 or 20x4, got \"" + text + "\"");
        }
    }

    /** The display-memory address of the first character of a row. */
    public int rowAddress(int row) {
        if (row < 0 || row >= rows) {
            throw new IllegalArgumentException("row " + row + " is outside a " + this);
        }
        // Rows 2 and 3 are the second halves of lines 0 and 1: 0x14/0x54 on a 20x4, 0x10/0x50 on a 16x4.
        return (row % 2 == 0 ? 0x00 : 0x40) + (row >= 2 ? columns : 0);
    }

    @Override
    public String toString() {
        return columns + "x" + rows;
    }
}
