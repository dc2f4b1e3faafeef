package org.farebox.terminal.hmi;

/**
 * The characters an HD44780 with ROM A00 shows the way our text means them: printable ASCII except
 * backslash (0x5C is ¥ there) and tilde (0x7E is an arrow), plus ¥.
 */
final class LcdCharset {

    static final int YEN_CODE = 0x5C;
    static final char REPLACEMENT = '?';

    private LcdCharset() {
    }

    static boolean isShowable(char c) {
        return c == Yuan.SIGN || (c >= 0x20 && c <= 0x7D && c != '\\');
    }

    /** Replaces every character the LCD would show differently, so the text is what the passenger sees. */
    static String showable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isWhitespace(c) ? ' ' : isShowable(c) ? c : REPLACEMENT);
        }
        return out.toString();
    }

    /** The character code to send to the LCD for one character of rendered text. */
    static int code(char c) {
        if (c == Yuan.SIGN) {
            return YEN_CODE;
        }
        return isShowable(c) ? c : REPLACEMENT;
    }
}
