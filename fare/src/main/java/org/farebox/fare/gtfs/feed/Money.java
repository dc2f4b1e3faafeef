package org.farebox.fare.gtfs.feed;

import java.util.Currency;

/** GTFS amounts as integer minor units: "2.00" CNY is 200 fen. More decimals than the currency has is refused. */
public final class Money {
    private Money() {
    }

    /** The number of decimals of an ISO 4217 currency code, or an exception naming the code. */
    public static int decimals(String currency) {
        try {
            if (!currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException();
            }
            int d = Currency.getInstance(currency).getDefaultFractionDigits();
            return Math.max(d, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency \"" + currency + "\" is not an ISO 4217 code such as CNY");
        }
    }

    /**
     * Parses {@code -?digits[.digits]} into minor units; "2", "2.5" and "2.50" CNY are 200, 250 and 250 fen.
     * Exponents, signs other than a leading minus, thousands separators and over-long numbers are refused.
     */
    public static long toMinor(String amount, String currency) {
        int decimals = decimals(currency);
        if (!amount.matches("-?[0-9]{1,12}(\\.[0-9]+)?")) {
            throw new IllegalArgumentException("amount \"" + amount + "\" is not a decimal number like 2.00");
        }
        boolean negative = amount.startsWith("-");
        String digits = negative ? amount.substring(1) : amount;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        if (fraction.length() > decimals) {
            throw new IllegalArgumentException("amount \"" + amount + "\" has " + fraction.length()
                    + " decimals; " + currency + " has " + decimals);
        }
        long minor = Long.parseLong(whole);
        for (int i = 0; i < decimals; i++) {
            minor = minor * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return negative ? -minor : minor;
    }
}
