package org.farebox.terminal.sync;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import javax.net.SocketFactory;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.mqtt.tls.PemTls;
import org.farebox.mqtt.tls.TlsSetupException;
import org.farebox.protocol.config.ConfigException;
import org.farebox.protocol.sync.Topics;
import org.farebox.terminal.config.SyncConfig;
import org.farebox.terminal.ledger.Ledger;
import org.tinylog.Logger;

/**
 * The terminal's one MQTT connection to the fleet broker and the uploader on it. Other background
 * parts (status reporter, update receiver) share the connection through {@link #link()}: give the last
 * will with {@link #lastWill} first, then subscribe on {@code link()}, then {@link #start()}.
 *
 * <p>The client id is the terminal id and the session outlives a disconnect (clean start off, session
 * expiry {@value #SESSION_EXPIRY_SECONDS} s), so acks that the clearing host sends while the terminal is
 * offline wait at the broker.
 */
public final class SyncService implements AutoCloseable {
    /** How long the broker keeps the session (and acks for it) while the terminal is away: 7 days. */
    public static final long SESSION_EXPIRY_SECONDS = 7 * 24 * 3600L;
    /** PUBACK window beyond the uploader's batches, for status reports and other publishes. */
    static final int EXTRA_PUBLISH_WINDOW = 8;

    private final SyncConfig config;
    private final String terminalId;
    private final Ledger ledger;
    private final Clock clock;
    private final Topics topics;
    private final Optional<SocketFactory> tls;
    private LinkOptions.Will will;
    private MqttLink link;
    private volatile Uploader uploader;
    private boolean closed;

    /**
     * Checks the configuration (TLS files are read now, so a bad certificate is found at start, as a
     * {@link ConfigException}); connects only at {@link #start()}.
     */
    public SyncService(SyncConfig config, String terminalId, Ledger ledger, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.enabled()) {
            throw new IllegalArgumentException("sync.broker is empty: the terminal runs offline, no sync service");
        }
        this.terminalId = Topics.requireId(terminalId, "terminal id");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.topics = new Topics(config.operator());
        this.tls = config.tls() ? Optional.of(tlsFactory(config)) : Optional.empty();
    }

    private static SocketFactory tlsFactory(SyncConfig c) {
        try {
            return PemTls.socketFactory(c.tlsCa(), c.tlsCert(), c.tlsKey());
        } catch (TlsSetupException e) {
            throw new ConfigException("sync.tls.*: " + e.getMessage(), e);
        }
    }

    public Topics topics() {
        return topics;
    }

    public String terminalId() {
        return terminalId;
    }

    /** The will the broker publishes if the terminal vanishes (the status reporter's "offline"); before link(). */
    public synchronized void lastWill(LinkOptions.Will lastWill) {
        if (link != null) {
            throw new IllegalStateException("the last will must be given before link() or start(): the connection "
                    + "options are fixed once the link exists");
        }
        this.will = Objects.requireNonNull(lastWill, "lastWill");
    }

    /** The shared connection (created at the first call, started by {@link #start()}). */
    public synchronized MqttLink link() {
        if (link == null) {
            link = new MqttLink(linkOptions(), new Random());
        }
        return link;
    }

    /** The connection options this service uses, from the {@code sync.*} keys. */
    LinkOptions linkOptions() {
        LinkOptions o = LinkOptions.defaults(config.broker(), terminalId)
                .withTimeouts(config.connectTimeout(), config.operationTimeout())
                .withKeepAlive(config.keepAlive())
                .withBackoff(config.backoffMin(), config.backoffMax(), config.backoffStable())
                .withWindows(config.inFlightBatches() + EXTRA_PUBLISH_WINDOW, 64)
                .withSession(false, SESSION_EXPIRY_SECONDS);
        if (tls.isPresent()) {
            o = o.withTls(tls.get());
        }
        return will == null ? o : o.withWill(will);
    }

    /** Builds the uploader on the link and starts both; returns at once (connecting goes on in the background). */
    public synchronized void start() {
        if (uploader != null || closed) {
            throw new IllegalStateException(closed ? "sync service is closed" : "sync service already started");
        }
        MqttLink l = link();
        uploader = new Uploader(ledger, l, topics, terminalId, UploadSettings.from(config), clock);
        uploader.start();
        l.start();
        Logger.info("sync: terminal {} uploads to {} as operator {} (batches of {} rows or {} ms, {} in flight)",
                terminalId, config.broker(), config.operator(), config.batchRows(), config.batchMaxWait().toMillis(),
                config.inFlightBatches());
    }

    /** A tap was written: wakes the uploader. Harmless before start. */
    public void tapWritten() {
        Uploader u = currentUploader();
        if (u != null) {
            u.wake();
        }
    }

    /** Sends what the ledger holds now without waiting for the batch time (the operator's "flush" command). */
    public void flushNow() {
        Uploader u = currentUploader();
        if (u != null) {
            u.flushNow();
        }
    }

    /** The uploader's counters; empty before start. */
    public Optional<UploaderStats> stats() {
        return Optional.ofNullable(currentUploader()).map(Uploader::stats);
    }

    // not synchronized: a tap must never wait for close() or start()
    private Uploader currentUploader() {
        return uploader;
    }

    /** Stops the uploader, then the connection (the ledger stays open: it is the caller's). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (uploader != null) {
            uploader.close();
        }
        if (link != null) {
            link.close();
        }
    }
}
