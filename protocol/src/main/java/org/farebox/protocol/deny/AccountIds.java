package org.farebox.protocol.deny;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * QR-code account ids as the deny list carries them: 1 to 64 bytes of UTF-8 without control characters,
 * ordered by Unicode code point (which is the order of their UTF-8 bytes compared unsigned).
 */
public final class AccountIds {
    /** Longest account id, in UTF-8 bytes. */
    public static final int MAX_BYTES = 64;

    /** Code point order: the order of the UTF-8 encodings compared bytewise unsigned. */
    public static final Comparator<String> ORDER = AccountIds::compare;

    private AccountIds() {
    }

    /** What is wrong with {@code account}, or null if it is a valid account id. */
    public static String problem(String account) {
        if (account == null || account.isEmpty()) {
            return "an account id must not be empty";
        }
        if (account.length() > MAX_BYTES || utf8Length(account) > MAX_BYTES) {
            return "account id longer than " + MAX_BYTES + " UTF-8 bytes: '" + CardSerials.abbreviate(account) + "'";
        }
        for (int i = 0; i < account.length(); i++) {
            char c = account.charAt(i);
            if (Character.isISOControl(c)) {
                return "account id contains a control character: '" + CardSerials.abbreviate(account) + "'";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < account.length()
                    && Character.isLowSurrogate(account.charAt(i + 1)))) {
                return "account id contains a lone surrogate";
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return null;
    }

    /** Throws IllegalArgumentException unless {@code account} is a valid account id. */
    public static String require(String account) {
        String problem = problem(account);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return account;
    }

    static byte[] utf8(String account) {
        return account.getBytes(StandardCharsets.UTF_8);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
