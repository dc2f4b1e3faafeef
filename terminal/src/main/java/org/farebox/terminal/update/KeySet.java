package org.farebox.terminal.update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.farebox.protocol.signed.UpdateRejectedException;

/**
 * The QR root/issuer public keys of a {@code farebox-keys/1} update (see docs/operator-updates.md):
 * <pre>{"format":"farebox-keys/1","version":3,"keys":[{"id":"qr-2026a","algorithm":"ed25519",
 *   "public_key":"&lt;hex&gt;","not_before":"2026-01-01T00:00:00Z","not_after":"2027-01-01T00:00:00Z",
 *   "revoked":false}]}</pre>
 */
public record KeySet(long version, List<QrKey> keys) {
    public static final String FORMAT = "farebox-keys/1";
    public static final int MAX_KEYS = 256;
    /** Raw public key lengths per algorithm: Ed25519 32 bytes; P-256 and SM2 compressed 33 or uncompressed 65. */
    private static final Map<String, Set<Integer>> KEY_LENGTHS = Map.of("ed25519", Set.of(32),
            "ecdsa-p256", Set.of(33, 65), "sm2", Set.of(33, 65));
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public KeySet {
        keys = List.copyOf(keys);
    }

    /** No key set received yet. */
    public static KeySet empty() {
        return new KeySet(0, List.of());
    }

    public Optional<QrKey> key(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** Reads and checks a key set; every problem is INVALID_PAYLOAD naming the field. */
    static KeySet parse(byte[] payload, long signedVersion) throws UpdateRejectedException {
        Map<String, Object> root = Payloads.jsonObject(payload, "the key set");
        if (!FORMAT.equals(root.get("format"))) {
            throw Payloads.invalid("the key set's format must be \"" + FORMAT + "\"");
        }
        Object version = root.get("version");
        if (!(version instanceof Long) || (Long) version != signedVersion) {
            throw Payloads.invalid("the key set's version " + version + " is not the signed version " + signedVersion);
        }
        if (!(root.get("keys") instanceof List<?> list)) {
            throw Payloads.invalid("the key set has no \"keys\" list");
        }
        if (list.size() > MAX_KEYS) {
            throw Payloads.invalid("the key set has " + list.size() + " keys, more than " + MAX_KEYS);
        }
        List<QrKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            QrKey k = key(list.get(i), "keys[" + i + "]");
            if (!ids.add(k.id())) {
                throw Payloads.invalid("key id '" + k.id() + "' appears twice");
            }
            keys.add(k);
        }
        return new KeySet(signedVersion, keys);
    }

    private static QrKey key(Object o, String where) throws UpdateRejectedException {
        if (!(o instanceof Map<?, ?> m)) {
            throw Payloads.invalid(where + " is not an object");
        }
        String id = text(m, "id", where);
        if (!ID.matcher(id).matches()) {
            throw Payloads.invalid(where + ".id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String algorithm = text(m, "algorithm", where);
        Set<Integer> lengths = KEY_LENGTHS.get(algorithm);
        if (lengths == null) {
            throw Payloads.invalid(where + ".algorithm '" + Payloads.abbreviate(algorithm)
                    + "' is not one of ed25519, ecdsa-p256, sm2");
        }
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(text(m, "public_key", where));
        } catch (IllegalArgumentException e) {
            throw Payloads.invalid(where + ".public_key is not hex");
        }
        if (!lengths.contains(raw.length)) {
            throw Payloads.invalid(where + ".public_key has " + raw.length + " bytes; " + algorithm + " needs " + lengths);
        }
        Instant notBefore = Payloads.instant(text(m, "not_before", where), where + ".not_before");
        Instant notAfter = Payloads.instant(text(m, "not_after", where), where + ".not_after");
        if (!notAfter.isAfter(notBefore)) {
            throw Payloads.invalid(where + ".not_after must be later than not_before");
        }
        Object revoked = m.get("revoked");
        if (revoked != null && !(revoked instanceof Boolean)) {
            throw Payloads.invalid(where + ".revoked must be true or false");
        }
        return new QrKey(id, algorithm, raw, notBefore, notAfter, Boolean.TRUE.equals(revoked));
    }

    private static String text(Map<?, ?> m, String field, String where) throws UpdateRejectedException {
        if (!(m.get(field) instanceof String s)) {
            throw Payloads.invalid(where + "." + field + " must be a string");
        }
        return s;
    }
}
