package org.farebox.provisioning.pki;

import java.util.Locale;
import java.util.regex.Pattern;
import org.farebox.provisioning.ProvisionException;

/**
 * Who a certificate is for, and the certificate CN Mosquitto takes as the username. Terminals are named
 * by their id; clearing hosts and operators carry a prefix that no terminal id may have, so a terminal
 * can never pose as either.
 */
public record Identity(Kind kind, String commonName) {
    /** Operator ids, terminal ids and names: what an MQTT topic level of ours may hold. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    public static final String CLEARING_PREFIX = "clearing-";
    public static final String OPERATOR_PREFIX = "operator-";

    /** The kinds of certificate holders; the word is what the index file and the CLI use. */
    public enum Kind {
        TERMINAL, CLEARING, OPERATOR, BROKER;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word().equals(word)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public static Identity terminal(String id) {
        checkName("terminal id", id);
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CLEARING_PREFIX) || lower.startsWith(OPERATOR_PREFIX)) {
            throw new ProvisionException("terminal id \"" + id + "\" starts with " + CLEARING_PREFIX + " or "
                    + OPERATOR_PREFIX + ", which are reserved for clearing hosts and operators; choose another id");
        }
        if (id.equals("ca") || id.equals("broker")) {
            throw new ProvisionException("terminal id \"" + id + "\" is reserved (its files would be the CA's or the "
                    + "broker's); choose another id");
        }
        return new Identity(Kind.TERMINAL, id);
    }

    public static Identity clearing(String name) {
        checkName("clearing name", name);
        return new Identity(Kind.CLEARING, CLEARING_PREFIX + name);
    }

    public static Identity operator(String name) {
        checkName("operator name", name);
        return new Identity(Kind.OPERATOR, OPERATOR_PREFIX + name);
    }

    /** The broker, named by its first host name. */
    public static Identity broker(String firstHost) {
        return new Identity(Kind.BROKER, firstHost);
    }

    /** The file name without .crt/.key: the CN, except the broker's, which is always "broker". */
    public String fileBase() {
        return kind == Kind.BROKER ? "broker" : commonName;
    }

    static void checkName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new ProvisionException(what + " must be 1..32 of A-Z a-z 0-9 . _ -, got \"" + value + "\"");
        }
    }
}
