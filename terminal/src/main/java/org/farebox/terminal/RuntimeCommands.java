package org.farebox.terminal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.farebox.protocol.config.ConfigException;
import org.farebox.terminal.config.TerminalConfig;
import org.farebox.terminal.sync.SyncService;
import org.farebox.terminal.update.CommandActions;

/**
 * The operator's commands as this terminal carries them out. "reload" re-reads and checks the config
 * file and says which settings changed; a validator applies them at its next start (systemd restarts
 * it), because swapping readers, SAM or ledger under a running tap is not worth the risk.
 */
final class RuntimeCommands implements CommandActions {
    private final TerminalConfig running;
    private final Path configFile;
    private volatile SyncService sync;

    RuntimeCommands(TerminalConfig running, Path configFile) {
        this.running = running;
        this.configFile = configFile;
    }

    void sync(SyncService service) {
        this.sync = service;
    }

    @Override
    public String flushBacklog() {
        SyncService s = sync;
        if (s == null) {
            return "no uploader: sync.broker is not set";
        }
        s.flushNow();
        return "flushing: " + s.stats().map(st -> (st.publishedThrough() - st.clearedThrough())
                + " rows in flight, cleared through " + st.clearedThrough()).orElse("uploader starting");
    }

    @Override
    public String reloadConfig() throws Exception {
        if (configFile == null) {
            throw new IllegalStateException("this terminal was not started from a config file");
        }
        TerminalConfig fresh;
        try {
            fresh = TerminalConfig.load(configFile);
        } catch (ConfigException e) {
            throw new IllegalStateException("config not valid, nothing changed: " + e.getMessage(), e);
        }
        List<String> changed = differences(running, fresh);
        return changed.isEmpty() ? "config valid, unchanged"
                : "config valid; changed " + String.join(", ", changed) + ": applied at the next start";
    }

    static List<String> differences(TerminalConfig a, TerminalConfig b) {
        List<String> out = new ArrayList<>();
        for (java.lang.reflect.RecordComponent c : TerminalConfig.class.getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (!same(x, y)) {
                    out.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                out.add(c.getName());
            }
        }
        return out;
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof byte[] && y instanceof byte[]) {
            return java.util.Arrays.equals((byte[]) x, (byte[]) y);
        }
        if (x instanceof java.util.regex.Pattern && y instanceof java.util.regex.Pattern) {
            return ((java.util.regex.Pattern) x).pattern().equals(((java.util.regex.Pattern) y).pattern());
        }
        return java.util.Objects.equals(x, y);
    }
}
