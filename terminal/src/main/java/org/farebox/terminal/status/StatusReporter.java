package org.farebox.terminal.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.farebox.mqtt.LinkListener;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.protocol.sync.Topics;
import org.tinylog.Logger;

/**
 * Publishes the terminal's retained status ({@code farebox-status/1}) at QoS 1: every status interval, at once
 * when something worth seeing changes (a version, a refusal, a command answer, reader or SAM health), and at
 * every (re)connect. The broker publishes the {@link #lastWill()} ("offline") if the terminal vanishes; a clean
 * {@link #close()} publishes "offline" itself, because a clean disconnect suppresses the will.
 */
public final class StatusReporter implements AutoCloseable {
    private final String topic;
    private final String terminal;
    private final String operator;
    private final String software;
    private final StatusSource source;
    private final UpdatesView updates;
    private final Clock clock;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private final List<Runnable> tickers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean requested = new AtomicBoolean(true);
    private final ScheduledExecutorService timer;
    private volatile MqttLink link;
    private Object lastFingerprint;
    private long lastPublishNanos;

    public StatusReporter(Topics topics, String terminalId, String software, StatusSource source, UpdatesView updates,
            Clock clock, Duration interval) {
        this.topic = topics.status(terminalId);
        this.terminal = terminalId;
        this.operator = topics.operator();
        this.software = software;
        this.source = source;
        this.updates = updates;
        this.clock = clock;
        this.intervalNanos = interval.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status-" + terminalId);
            t.setDaemon(true);
            return t;
        });
    }

    public String topic() {
        return topic;
    }

    /** The "offline" message the broker publishes (retained) if the connection dies. */
    public LinkOptions.Will lastWill() {
        return new LinkOptions.Will(topic, StatusDocument.bytes(StatusDocument.offline(terminal, operator, software,
                "connection lost", null)), 1, true);
    }

    /** {@code options} with {@link #lastWill()}; the will must be in place before the link starts. */
    public LinkOptions withWill(LinkOptions options) {
        return options.withWill(lastWill());
    }

    /** Publishes on {@code link} from now on, and "online" at once after every connect. */
    public void attach(MqttLink link) {
        this.link = Objects.requireNonNull(link);
        link.addListener(new LinkListener() {
            @Override
            public void connected() {
                publishSoon();
            }
        });
    }

    /** Runs {@code ticker} about once a second on the status thread (e.g. to switch a staged fare table on time). */
    public void addTicker(Runnable ticker) {
        tickers.add(ticker);
    }

    /** Starts the once-a-second check: changes and the interval. */
    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** Asks for a publish as soon as possible, from any thread; several requests make one message. */
    public void publishSoon() {
        requested.set(true);
        try {
            timer.execute(this::tick);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            Logger.debug("status reporter closed; publish request dropped");
        }
    }

    /** The status as it would be published now. */
    public Map<String, Object> current() {
        return StatusDocument.online(terminal, operator, software, source, updates, clock,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private void tick() {
        try {
            for (Runnable r : tickers) {
                r.run();
            }
            Object fingerprint = fingerprint();
            long now = System.nanoTime();
            boolean due = now - lastPublishNanos >= intervalNanos;
            if (requested.getAndSet(false) | !fingerprint.equals(lastFingerprint) | due) {
                if (publish(current())) {
                    lastFingerprint = fingerprint;
                    lastPublishNanos = now;
                } else {
                    requested.set(true); // not connected: the connect listener asks again anyway
                }
            }
        } catch (RuntimeException e) {
            Logger.error(e, "status report failed; trying again in a second");
        }
    }

    /** What makes a status worth publishing at once: not the clock, uptime or backlog, which change all the time. */
    private Object fingerprint() {
        return List.of(updates.versions(), updates.rejectedTotal(), updates.lastCommand(), source.reader().ok(),
                source.sam().ok());
    }

    private boolean publish(Map<String, Object> document) {
        MqttLink l = link;
        if (l == null || !l.isConnected()) {
            return false;
        }
        l.publish(topic, StatusDocument.bytes(document), 1, true).whenComplete((ok, e) -> {
            if (e != null) {
                Logger.info("status publish to {} failed: {}", topic, e.getMessage());
                requested.set(true);
            }
        });
        return true;
    }

    /** Publishes "offline" (waits a few seconds at most) and stops; call before closing the link. */
    @Override
    public void close() {
        timer.shutdownNow();
        MqttLink l = link;
        if (l != null && l.isConnected()) {
            byte[] offline = StatusDocument.bytes(StatusDocument.offline(terminal, operator, software, "stopped",
                    clock.instant()));
            try {
                l.publish(topic, offline, 1, true).get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                Logger.info("could not publish the offline status: {}", e.getMessage());
            }
        }
    }
}
