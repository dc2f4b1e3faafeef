package org.farebox.protocol.signed;

/**
 * The byte layout of a signed operator message, shared by {@link UpdateSigner} and {@link UpdateVerifier}.
 *
 * <pre>
 * offset  size  field
 * 0       4     magic "FBSU"
 * 4       1     format version 0x01
 * 5       2     header length H (unsigned big-endian, 2..4096)
 * 7       H     header: UTF-8 JSON object
 *                 {"kind":"faretable|denylist|keys|cmd","operator":…,"target":"fleet"|terminal id,
 *                  "version":n≥1,"issued_at":epoch ms,"key_id":16 hex,"attrs":{name:string,…}}
 * 7+H     4     payload length P (unsigned big-endian)
 * 11+H    P     payload (fare table JSON, deny list binary, key set JSON, command JSON)
 * 11+H+P  64    Ed25519 signature over DOMAIN ‖ bytes[0, 11+H+P)
 * </pre>
 * Nothing may follow the signature. The domain prefix keeps these signatures from being valid for
 * anything else the operator key might ever sign.
 */
final class UpdateCodec {
    static final byte[] MAGIC = {'F', 'B', 'S', 'U'};
    static final int FORMAT = 1;
    static final int MAX_HEADER = 4096;
    static final int SIGNATURE_LENGTH = 64;
    static final byte[] DOMAIN = "farebox-signed-update/1\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Smallest possible message: magic, format, header length, 2-byte header, payload length, signature. */
    static final int MIN_LENGTH = 4 + 1 + 2 + 2 + 4 + SIGNATURE_LENGTH;

    private UpdateCodec() {
    }
}
