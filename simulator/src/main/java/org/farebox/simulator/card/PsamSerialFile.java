package org.farebox.simulator.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.json.Json;

/**
 * The one piece of PSAM state that must survive restarts: the last terminal transaction serial it
 * issued, so that (terminal number, serial) never repeats in the clearing host's records.
 */
final class PsamSerialFile {
    static final String FORMAT = "farebox-virtual-psam/1";

    private final Path path;
    private final byte[] terminalNo;

    PsamSerialFile(Path path, byte[] terminalNo) {
        this.path = path;
        this.terminalNo = terminalNo.clone();
    }

    /** The last serial issued, 0 when the file does not exist yet. */
    long load() throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        String text = AtomicFiles.read(path, "PSAM state");
        try {
            Map<String, Object> m = Json.parseObject(text);
            if (!FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("format must be \"" + FORMAT + "\", got " + m.get("format"));
            }
            Object tn = m.get("terminal_no");
            if (!Hex.of(terminalNo).equals(tn)) {
                throw new IllegalArgumentException("it belongs to terminal " + tn + ", not " + Hex.of(terminalNo));
            }
            Object serial = m.get("last_serial");
            if (!(serial instanceof Long) || (Long) serial < 0 || (Long) serial > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("last_serial must be an integer 0..4294967295, got " + serial);
            }
            return (Long) serial;
        } catch (IllegalArgumentException e) {
            throw new IOException("PSAM state " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    void save(long lastSerial) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("terminal_no", Hex.of(terminalNo));
        m.put("last_serial", lastSerial);
        AtomicFiles.write(path, Json.write(m) + "\n");
    }
}
