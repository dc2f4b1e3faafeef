package org.farebox.protocol.signed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.farebox.protocol.bytes.BigEndian;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.sync.Topics;

/** Signs operator messages with the operator's Ed25519 key (layout in {@link UpdateCodec}). */
public final class UpdateSigner {

    private final PrivateKey key;
    private final String keyId;

    public UpdateSigner(PrivateKey key) {
        this.key = key;
        this.keyId = Ed25519Keys.keyId(Ed25519Keys.publicOf(key));
    }

    public String keyId() {
        return keyId;
    }

    /** The signed message bytes. */
    public byte[] sign(UpdateKind kind, String operator, String target, long version, Instant issuedAt,
            Map<String, String> attributes, byte[] payload) {
        Topics.requireId(operator, "operator id");
        if (!target.equals(SignedUpdate.FLEET)) {
            Topics.requireId(target, "target terminal id");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kind", kind.wireName());
        header.put("operator", operator);
        header.put("target", target);
        header.put("version", version);
        header.put("issued_at", issuedAt.toEpochMilli());
        header.put("key_id", keyId);
        header.put("attrs", new TreeMap<>(attributes));
        byte[] h = Json.write(header).getBytes(StandardCharsets.UTF_8);
        if (h.length > UpdateCodec.MAX_HEADER) {
            throw new IllegalArgumentException("header of " + h.length + " bytes is over " + UpdateCodec.MAX_HEADER);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length + payload.length + 80);
        out.writeBytes(UpdateCodec.MAGIC);
        out.write(UpdateCodec.FORMAT);
        out.writeBytes(BigEndian.bytes(h.length, 2));
        out.writeBytes(h);
        out.writeBytes(BigEndian.bytes(payload.length, 4));
        out.writeBytes(payload);
        byte[] body = out.toByteArray();
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(UpdateCodec.DOMAIN);
            s.update(body);
            out.writeBytes(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
