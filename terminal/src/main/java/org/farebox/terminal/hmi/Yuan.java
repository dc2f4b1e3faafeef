package org.farebox.terminal.hmi;

import java.math.BigDecimal;

/** Fen as the passenger reads them: "¥2.00", "-¥0.50". */
final class Yuan {

    static final char SIGN = '¥';

    private Yuan() {
    }

    static String format(long fen) {
        BigDecimal yuan = BigDecimal.valueOf(fen, 2);
        return (fen < 0 ? "-" : "") + SIGN + yuan.abs().toPlainString();
    }
}
