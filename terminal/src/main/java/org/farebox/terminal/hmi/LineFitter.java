package org.farebox.terminal.hmi;

/** Fits text into a line of fixed width: truncation at a word where it reads better, padding, justification. */
final class LineFitter {

    private LineFitter() {
    }

    /** The text cut to the width (at a space in the second half if there is one) and padded with spaces. */
    static String fit(String text, int width) {
        String clean = LcdCharset.showable(text);
        if (clean.length() > width) {
            clean = clean.strip();
        }
        if (clean.length() > width) {
            int cut = clean.lastIndexOf(' ', width);
            clean = cut >= width / 2 ? clean.substring(0, cut).strip() : clean.substring(0, width);
        }
        return pad(clean, width);
    }

    /**
     * A label on the left and an amount on the right. The first label that fits with a space before the
     * amount wins; otherwise the last one is cut. An amount wider than the line is never cut into a wrong
     * number: it is shown as '#'.
     */
    static String justify(String right, int width, String... labels) {
        String amount = LcdCharset.showable(right);
        if (amount.length() > width) {
            return "#".repeat(width);
        }
        int room = width - amount.length() - 1;
        String label = "";
        for (String candidate : labels) {
            label = LcdCharset.showable(candidate).strip();
            if (label.length() <= room) {
                break;
            }
        }
        if (label.length() > room) {
            label = room > 0 ? label.substring(0, room) : "";
        }
        return label + " ".repeat(width - label.length() - amount.length()) + amount;
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
    }
}
