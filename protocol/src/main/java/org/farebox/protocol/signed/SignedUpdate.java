package org.farebox.protocol.signed;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified operator message: what it is, for whom, its version, and the payload it carries.
 * {@code target} is {@code "fleet"} for fleet topics or a terminal id for commands; attributes hold
 * kind-specific header fields (e.g. {@code valid_from} of a fare table, {@code deny} = snapshot|delta).
 */
public record SignedUpdate(UpdateKind kind, String operator, String target, long version, Instant issuedAt,
        Map<String, String> attributes, byte[] payload, String keyId) {

    public static final String FLEET = "fleet";

    public SignedUpdate {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(target);
        Objects.requireNonNull(issuedAt);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(payload);
        Objects.requireNonNull(keyId);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
