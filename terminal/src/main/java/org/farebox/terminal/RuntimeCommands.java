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
 * file and says which settings changed; when something did, the terminal restarts itself gracefully
 * (the tap in progress finishes, then the process ends with {@link #RESTART_EXIT_STATUS} and systemd
 * starts it again with the new file), because swapping readers, SAM or ledger under a running tap is
 * not worth the risk. A file that does not pass its checks changes nothing.
 */
final class RuntimeCommands implements CommandActions {
    /** Exit status asking systemd for a restart (EX_TEMPFAIL; the unit restarts on it). */
    static final int RESTART_EXIT_STATUS = 75;
    /** The answer to "reload" goes out on the status topic before the daemon stops. */
    private static final long RESTART_DELAY_MILLIS = 500;

    private final TerminalConfig running;
    private final Path configFile;
    private volatile SyncService sync;
    private volatile Runnable restart = () -> { };

    RuntimeCommands(TerminalConfig running, Path configFile) {
        this.running = running;
        this.configFile = configFile;
    }

    void sync(SyncService service) {
        this.sync = service;
    }

    /** What "reload" runs when the file changed: stop the daemon so that the process can restart. */
    void onRestart(Runnable action) {
        this.restart = action;
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
        if (changed.isEmpty()) {
            return "config valid, unchanged";
        }
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(RESTART_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restart.run();
        }, "farebox-reload");
        later.setDaemon(true);
        later.start();
        return "config valid; changed " + String.join(", ", changed) + ": restarting to apply them";
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
