package org.farebox.terminal;

import java.nio.file.Path;
import org.tinylog.configuration.Configuration;
import org.tinylog.provider.ProviderRegistry;

/**
 * Applies {@code log.level} and {@code log.file} before the first log line is written (tinylog freezes
 * its configuration then). The console writer stays: under systemd it is the journal.
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void apply(String level, Path file) {
        apply(level, file, true);
    }

    /**
     * As {@link #apply(String, Path)}; with {@code closeInShutdownHook} false tinylog does not close its
     * writers in a shutdown hook of its own, and the caller ends logging with {@link #shutdown()}. A daemon
     * needs that: its own hook logs while the last tap finishes, and hooks run in no fixed order.
     */
    public static void apply(String level, Path file, boolean closeInShutdownHook) {
        if (Configuration.isFrozen()) {
            return;
        }
        Configuration.set("autoshutdown", Boolean.toString(closeInShutdownHook));
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

    /** Closes the log writers; nothing is logged after this. */
    public static void shutdown() {
        try {
            ProviderRegistry.getLoggingProvider().shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
