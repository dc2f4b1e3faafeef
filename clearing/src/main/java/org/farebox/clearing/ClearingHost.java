package org.farebox.clearing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.farebox.clearing.store.ClearingStore;
import org.farebox.clearing.store.StoreException;
import org.farebox.mqtt.LinkOptions;
import org.farebox.mqtt.MqttLink;
import org.farebox.mqtt.tls.PemTls;
import org.farebox.protocol.sync.Topics;
import org.tinylog.Logger;

/**
 * The running clearing host: one MQTT link on a persistent session (batches queue at the broker
 * while it is down) subscribed to every terminal's txn topic through the shared subscription, so
 * several hosts split the load. Each batch is checked and stored in one transaction and acked only
 * after the commit.
 */
public final class ClearingHost implements AutoCloseable {
    /** How long the broker keeps our session (and queues batches for it) while we are away, by default. */
    public static final long SESSION_EXPIRY_SECONDS = ClearingConfig.DEFAULT_SESSION_EXPIRY_SECONDS;

    private final MqttLink link;
    private final BatchIntake intake;
    private final int haltAfterStore;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong batchesStored = new AtomicLong();
    private final AtomicLong rowsStored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong acksSent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** What this host has done since it started. */
    public record Stats(long messages, long batchesStored, long rowsStored, long duplicates, long acksSent,
            long failures) {
    }

    /**
     * A host on {@code options} (use {@link #linkOptions}) storing into {@code store}, which stays the
     * caller's to close. {@code haltAfterStore}: see {@link ClearingConfig#haltAfterStore()}; 0 in
     * production.
     */
    private final String shareGroup;

    public ClearingHost(LinkOptions options, ClearingStore store, int haltAfterStore) {
        this(options, store, haltAfterStore, Topics.DEFAULT_SHARE_GROUP);
    }

    /**
     * As above, in the shared-subscription group {@code shareGroup}: Mosquitto cannot stop a terminal
     * from joining a group whose name it knows, so production keeps the name private.
     */
    public ClearingHost(LinkOptions options, ClearingStore store, int haltAfterStore, String shareGroup) {
        this.shareGroup = shareGroup;
        this.link = new MqttLink(options, new SecureRandom());
        this.intake = new BatchIntake(store);
        this.haltAfterStore = haltAfterStore;
    }

    /** Link options from the config: persistent session, TLS with the client certificate when configured. */
    public static LinkOptions linkOptions(ClearingConfig config) {
        LinkOptions o = LinkOptions.defaults(config.broker(), config.clientId())
                .withSession(false, config.sessionExpirySeconds());
        if (config.tlsCa().isPresent()) {
            SocketFactory tls = config.tlsCert().isPresent()
                    ? PemTls.socketFactory(config.tlsCa().get(), config.tlsCert().get(), config.tlsKey().get())
                    : PemTls.trustOnly(config.tlsCa().get()).getSocketFactory();
            o = o.withTls(tls);
        }
        return o;
    }

    /** Subscribes and starts connecting in the background. */
    public void start() {
        link.subscribe(Topics.sharedTxnFilter(shareGroup), 1, (topic, payload, retained) -> onMessage(topic, payload));
        link.start();
    }

    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return link.awaitConnected(timeout);
    }

    public boolean isConnected() {
        return link.isConnected();
    }

    public Stats stats() {
        return new Stats(messages.get(), batchesStored.get(), rowsStored.get(), duplicates.get(), acksSent.get(),
                failures.get());
    }

    private void onMessage(String topic, byte[] payload) {
        messages.incrementAndGet();
        BatchIntake.Outcome outcome;
        try {
            outcome = intake.handle(topic, payload);
        } catch (StoreException e) {
            // Not acked: the terminal sends the batch again after its ack timeout.
            failures.incrementAndGet();
            Logger.error("cannot store the message on {}: {}; no ack, the terminal will resend", topic,
                    e.getMessage());
            return;
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            Logger.error(e, "unexpected failure on a {}-byte message on {}; no ack", payload.length, topic);
            return;
        }
        if (outcome.stored()) {
            long n = batchesStored.incrementAndGet();
            outcome.result().ifPresent(r -> {
                rowsStored.addAndGet(r.stored());
                duplicates.addAndGet(r.duplicates());
            });
            if (haltAfterStore > 0 && n == haltAfterStore) {
                // Test-only fault injection: the batch is committed, its ack is never sent.
                System.err.println("debug.halt_after_store: halting after batch " + n + " before its ack");
                System.err.flush();
                Runtime.getRuntime().halt(137);
            }
        }
        outcome.ack().ifPresent(this::publish);
    }

    private void publish(BatchIntake.Ack ack) {
        link.publish(ack.topic(), ack.ack().encode(), 1, false).whenComplete((ok, error) -> {
            if (error != null) {
                Logger.warn("ack {} {}-{} not delivered ({}); the terminal will resend and be acked again",
                        ack.ack().terminalId(), ack.ack().firstSeq(), ack.ack().lastSeq(), error.getMessage());
            } else {
                acksSent.incrementAndGet();
            }
        });
    }

    /** Disconnects (the session stays at the broker); the store is not closed. */
    @Override
    public void close() {
        link.close();
    }
}
