package org.farebox.terminal.deny;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.farebox.protocol.deny.CardSerials;
import org.farebox.protocol.deny.DenyListFormatException;
import org.farebox.protocol.deny.DenyListSnapshot;

/**
 * The content of {@code denylist.snapshot}: the snapshot payload as the operator's format encodes it, whether
 * it is a local (technician's) list, and a local list's free-text reasons. Layout, big-endian:
 * {@code "FBDS" | 0x01 | flags (1, bit 0 = local) | payload length (4) | payload | note count (4) |
 * count x (serial 10 BCD | text length (2) | UTF-8 text) | CRC32 of all bytes before it (4)}.
 */
record StoredSnapshot(DenyListSnapshot snapshot, boolean local, Map<String, String> notes) {
    private static final byte[] MAGIC = {'F', 'B', 'D', 'S'};
    private static final int FORMAT = 1;

    byte[] encode() {
        byte[] payload = snapshot.encode();
        Map<String, byte[]> texts = new HashMap<>();
        int notesLength = 0;
        for (Map.Entry<String, String> n : notes.entrySet()) {
            byte[] text = n.getValue().getBytes(StandardCharsets.UTF_8);
            texts.put(n.getKey(), text);
            notesLength += CardSerials.BYTES + 2 + text.length;
        }
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + 4 + payload.length + 4 + notesLength + 4);
        out.put(MAGIC).put((byte) FORMAT).put((byte) (local ? 1 : 0)).putInt(payload.length).put(payload);
        out.putInt(texts.size());
        texts.forEach((serial, text) -> out.put(CardSerials.pack(serial)).putShort((short) text.length).put(text));
        out.putInt((int) DenyListFiles.crc(out.array(), 0, out.position()));
        return out.array();
    }

    /** Reads a stored snapshot; anything damaged throws IOException saying what. */
    static StoredSnapshot decode(byte[] file) throws IOException {
        if (file.length < MAGIC.length + 2 + 4 + 4 + 4) {
            throw new IOException("only " + file.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        int crcAt = file.length - 4;
        if (in.getInt(crcAt) != (int) DenyListFiles.crc(file, 0, crcAt)) {
            throw new IOException("CRC32 does not match (the file is damaged)");
        }
        for (byte m : MAGIC) {
            if (in.get() != m) {
                throw new IOException("not a deny list snapshot file (magic is not \"FBDS\")");
            }
        }
        int format = in.get();
        if (format != FORMAT) {
            throw new IOException("snapshot file format " + format + " is not known (this software reads " + FORMAT + ")");
        }
        boolean local = (in.get() & 1) != 0;
        try {
            int payloadLength = in.getInt();
            if (payloadLength < 0 || payloadLength > crcAt - in.position()) {
                throw new IOException("payload length " + payloadLength + " does not fit the file");
            }
            byte[] payload = new byte[payloadLength];
            in.get(payload);
            DenyListSnapshot snapshot = DenyListSnapshot.decode(payload, Integer.MAX_VALUE);
            int count = in.getInt();
            if (count < 0 || (long) count * (CardSerials.BYTES + 2) > crcAt - in.position()) {
                throw new IOException("note count " + count + " does not fit the file");
            }
            Map<String, String> notes = new HashMap<>();
            byte[] key = new byte[CardSerials.BYTES];
            for (int i = 0; i < count; i++) {
                in.get(key);
                byte[] text = new byte[in.getShort() & 0xFFFF];
                in.get(text);
                notes.put(CardSerials.unpack(key, 0), new String(text, StandardCharsets.UTF_8));
            }
            if (in.position() != crcAt) {
                throw new IOException("the notes do not end where the CRC starts");
            }
            return new StoredSnapshot(snapshot, local, notes);
        } catch (DenyListFormatException e) {
            throw new IOException("the snapshot inside is malformed: " + e.getMessage(), e);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("cut short or malformed: " + e, e);
        }
    }
}
