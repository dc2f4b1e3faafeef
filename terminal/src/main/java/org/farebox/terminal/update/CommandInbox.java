package org.farebox.terminal.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.SignedUpdate;
import org.farebox.protocol.signed.UpdateRejectedException;
import org.farebox.terminal.status.CommandAnswer;
import org.tinylog.Logger;

/**
 * Runs signed operator commands ({@code {"command":"status"|"flush"|"reload","id":"…"}}). Each command's
 * version must be above the last one run; that version is saved before the command runs, so a recorded command
 * cannot be played again, not even after a restart.
 */
public final class CommandInbox {
    public static final String STATUS = "status";
    public static final String FLUSH = "flush";
    public static final String RELOAD = "reload";
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final CommandActions actions;
    private final Path file;
    private final Clock clock;
    private volatile long version;
    private volatile CommandAnswer last;

    public CommandInbox(CommandActions actions, Path dir, Clock clock) {
        this.actions = actions;
        this.file = dir.resolve("cmd.version");
        this.clock = clock;
        this.version = readVersion(file);
    }

    private static long readVersion(Path file) {
        try {
            Optional<byte[]> b = AtomicFiles.read(file);
            return b.isEmpty() ? 0 : Long.parseLong(new String(b.get(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            // Losing the counter must not reopen the door to replays: refuse commands until the operator
            // sends a version above any plausible one, and say so loudly.
            Logger.error("command counter {} is unreadable ({}); refusing commands up to version {} until it is "
                    + "repaired (write the operator's last command version into it)", file, e.getMessage(),
                    Long.MAX_VALUE / 2);
            return Long.MAX_VALUE / 2;
        }
    }

    /** Version of the last command run (0: none yet). */
    public long version() {
        return version;
    }

    public Optional<CommandAnswer> last() {
        return Optional.ofNullable(last);
    }

    /** Runs a verified command and returns the answer; a replay or bad payload is refused and nothing runs. */
    public synchronized CommandAnswer handle(SignedUpdate update) throws UpdateRejectedException {
        if (update.version() <= version) {
            throw new UpdateRejectedException(RejectReason.STALE, "command v" + update.version()
                    + " is not above v" + version + " already run (a replay?)");
        }
        Map<String, Object> m = Payloads.jsonObject(update.payload(), "the command");
        if (!(m.get("command") instanceof String command)) {
            throw Payloads.invalid("the command has no \"command\" text");
        }
        if (!(m.get("id") instanceof String id) || !ID.matcher(id).matches()) {
            throw Payloads.invalid("the command's \"id\" must be 1-64 printable ASCII characters");
        }
        if (!command.equals(STATUS) && !command.equals(FLUSH) && !command.equals(RELOAD)) {
            throw Payloads.invalid("unknown command '" + Payloads.abbreviate(command) + "' (status, flush, reload)");
        }
        try {
            AtomicFiles.write(file, (update.version() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            Logger.error("cannot save command counter {}: {}; command v{} runs, but could be replayed after a restart",
                    file, e.getMessage(), update.version());
        }
        version = update.version();
        CommandAnswer answer = run(command, id);
        last = answer;
        Logger.info("operator command {} ({}, v{}): {} {}", command, id, update.version(), answer.result(),
                answer.detail());
        return answer;
    }

    private CommandAnswer run(String command, String id) {
        String result = "ok";
        String detail;
        try {
            detail = switch (command) {
                case FLUSH -> actions.flushBacklog();
                case RELOAD -> actions.reloadConfig();
                default -> "status published";
            };
        } catch (Exception e) {
            result = "failed";
            detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CommandAnswer(id, command, result, detail == null ? "" : detail, clock.instant());
    }
}
