package org.farebox.terminal;

import java.nio.file.Path;
import org.tinylog.configuration.Configuration;

/**
 * Applies {@code log.level} and {@code log.file} before the first log line is written (tinylog freezes
 * its configuration then). The console writer stays: under systemd it is the journal.
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void apply(String level, Path file) {
        if (Configuration.isFrozen()) {
            return;
        }
        Configuration.set("level", level);
        Configuration.set("writer.level", level);
        if (file != null) {
            Configuration.set("writer2", "rolling file");
            Configuration.set("writer2.file", file.toString());
            Configuration.set("writer2.format", "{date:yyyy-MM-dd HH:mm:ss.SSS} {level} {class-name}: {message}");
            Configuration.set("writer2.policies", "daily, size: 10mb");
            Configuration.set("writer2.backups", "30");
            Configuration.set("writer2.level", level);
        }
    }
}
