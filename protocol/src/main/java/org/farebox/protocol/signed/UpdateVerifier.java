package org.farebox.protocol.signed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;

/**
 * Checks operator messages against the operator keys a terminal trusts, in a fixed order: size,
 * structure, signer known, signature, then kind/operator/target. Version freshness is the caller's
 * (it knows what it runs). Nothing in the header is believed before the signature has passed.
 */
public final class UpdateVerifier {

    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    /** Several keys are allowed so an operator can rotate: old and new are trusted during the overlap. */
    public UpdateVerifier(Collection<PublicKey> operatorKeys) {
        if (operatorKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one operator key is needed");
        }
        for (PublicKey k : operatorKeys) {
            trusted.put(Ed25519Keys.keyId(k), k);
        }
    }

    /**
     * Verifies a message that arrived on the topic of {@code expectedKind}, for {@code operator} and
     * {@code target} ("fleet" or this terminal's id).
     */
    public SignedUpdate verify(byte[] message, UpdateKind expectedKind, String operator, String target, int maxBytes)
            throws UpdateRejectedException {
        if (message.length > maxBytes) {
            throw reject(RejectReason.OVERSIZE, message.length + " bytes is over the " + maxBytes + "-byte limit for "
                    + expectedKind.wireName());
        }
        if (message.length < UpdateCodec.MIN_LENGTH
                || !Arrays.equals(message, 0, 4, UpdateCodec.MAGIC, 0, 4)) {
            throw reject(RejectReason.MALFORMED, "not a signed Farebox update (" + message.length
                    + " bytes, no FBSU header)");
        }
        if (message[4] != UpdateCodec.FORMAT) {
            throw reject(RejectReason.MALFORMED, "signed update format " + message[4] + " is not supported");
        }
        int headerLength = (int) BigEndian.read(message, 5, 2);
        int payloadAt = 7 + headerLength + 4;
        if (headerLength < 2 || headerLength > UpdateCodec.MAX_HEADER
                || payloadAt + UpdateCodec.SIGNATURE_LENGTH > message.length) {
            throw reject(RejectReason.MALFORMED, "header length " + headerLength + " does not fit the message");
        }
        long payloadLength = BigEndian.read(message, 7 + headerLength, 4);
        long signatureAt = payloadAt + payloadLength;
        if (signatureAt + UpdateCodec.SIGNATURE_LENGTH != message.length) {
            throw reject(RejectReason.MALFORMED, "payload length " + payloadLength + " does not match the "
                    + message.length + "-byte message (truncated or padded)");
        }
        Header h = parseHeader(new String(message, 7, headerLength, StandardCharsets.UTF_8));
        PublicKey key = trusted.get(h.keyId);
        if (key == null) {
            throw reject(RejectReason.UNKNOWN_KEY, "signed by key " + h.keyId + ", which this terminal does not trust");
        }
        if (!signatureMatches(key, message, (int) signatureAt)) {
            throw reject(RejectReason.BAD_SIGNATURE, "the signature does not match the message (forged or altered)");
        }
        if (!h.kind.equals(expectedKind.wireName())) {
            throw reject(RejectReason.WRONG_KIND, "a '" + h.kind + "' update arrived where '"
                    + expectedKind.wireName() + "' was expected");
        }
        if (!h.operator.equals(operator)) {
            throw reject(RejectReason.WRONG_OPERATOR, "signed for operator '" + h.operator + "', this is '" + operator
                    + "'");
        }
        if (!h.target.equals(target)) {
            throw reject(RejectReason.WRONG_TARGET, "addressed to '" + h.target + "', not to '" + target + "'");
        }
        byte[] payload = Arrays.copyOfRange(message, payloadAt, (int) signatureAt);
        return new SignedUpdate(expectedKind, h.operator, h.target, h.version, Instant.ofEpochMilli(h.issuedAt),
                h.attrs, payload, h.keyId);
    }

    private static boolean signatureMatches(PublicKey key, byte[] message, int signatureAt) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(UpdateCodec.DOMAIN);
            s.update(message, 0, signatureAt);
            return s.verify(message, signatureAt, UpdateCodec.SIGNATURE_LENGTH);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private record Header(String kind, String operator, String target, long version, long issuedAt, String keyId,
            Map<String, String> attrs) {
    }

    private static Header parseHeader(String text) throws UpdateRejectedException {
        Map<String, Object> m;
        try {
            m = Json.parseObject(text);
        } catch (JsonException e) {
            throw reject(RejectReason.MALFORMED, "header is not a JSON object: " + e.getMessage());
        }
        Object attrs = m.get("attrs");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (attrs instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) attrs).entrySet()) {
                if (!(e.getValue() instanceof String)) {
                    throw reject(RejectReason.MALFORMED, "header attribute '" + e.getKey() + "' is not a string");
                }
                attributes.put((String) e.getKey(), (String) e.getValue());
            }
        } else if (attrs != null) {
            throw reject(RejectReason.MALFORMED, "header 'attrs' is not an object");
        }
        long version = number(m, "version");
        if (version < 1) {
            throw reject(RejectReason.MALFORMED, "header version " + version + " is below 1");
        }
        return new Header(string(m, "kind"), string(m, "operator"), string(m, "target"), version,
                number(m, "issued_at"), string(m, "key_id"), attributes);
    }

    private static String string(Map<String, Object> m, String key) throws UpdateRejectedException {
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw reject(RejectReason.MALFORMED, "header '" + key + "' is missing or not a string");
        }
        return (String) v;
    }

    private static long number(Map<String, Object> m, String key) throws UpdateRejectedException {
        Object v = m.get(key);
        if (!(v instanceof Long)) {
            throw reject(RejectReason.MALFORMED, "header '" + key + "' is missing or not an integer");
        }
        return (Long) v;
    }

    private static UpdateRejectedException reject(RejectReason reason, String detail) {
        return new UpdateRejectedException(reason, detail);
    }
}
