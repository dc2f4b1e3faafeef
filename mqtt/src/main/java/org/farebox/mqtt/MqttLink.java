package org.farebox.mqtt;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.tinylog.Logger;

/**
 * One MQTT 5 connection that stays up: its own reconnect loop (Paho's automatic reconnect is off)
 * with exponential backoff and jitter, timeouts on connect, subscribe and publish, subscriptions
 * re-made on every connect, a bounded window of QoS 1 publishes in flight, and incoming messages
 * handed one at a time to their handler on a dispatcher thread and acknowledged to the broker only
 * after the handler returns.
 *
 * <p>Paho delivers messages and action callbacks on the same thread, so nothing here ever blocks that
 * thread: handlers run elsewhere, and publishes wait for the window on the caller's thread.
 */
public final class MqttLink implements AutoCloseable {

    private final LinkOptions options;
    private final Backoff backoff;
    private final List<Dispatcher.Route> subscriptions = new CopyOnWriteArrayList<>();
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final PublishWindow window;
    private final Object lock = new Object();
    private final Thread connector;
    private final Dispatcher dispatcher;

    private volatile boolean running;
    private volatile MqttAsyncClient client;
    private volatile boolean connected;
    private volatile String lastError = "";
    private long connectedAtNanos;

    public MqttLink(LinkOptions options, Random jitter) {
        this.options = options;
        this.backoff = new Backoff(options.backoffMin(), options.backoffMax(), options.stableAfter(), jitter);
        this.window = new PublishWindow(options.maxInFlight());
        this.connector = new Thread(this::connectLoop, "mqtt-link-" + options.clientId());
        this.connector.setDaemon(true);
        this.dispatcher = new Dispatcher("mqtt-dispatch-" + options.clientId(), subscriptions,
                c -> c == client && connected, () -> running);
    }

    /** Adds a subscription (made now if connected, and again after every reconnect). */
    public void subscribe(String filter, int qos, MessageHandler handler) {
        subscriptions.add(new Dispatcher.Route(filter, qos, handler));
        MqttAsyncClient c = client;
        if (connected && c != null) {
            try {
                subscribeAll(c, List.of(subscriptions.get(subscriptions.size() - 1)));
            } catch (MqttException | PublishRefusedException e) {
                Logger.warn("MQTT subscribe to {} failed ({}); retried at the next connect", filter, e.getMessage());
            }
        }
    }

    /**
     * Sends SUBSCRIBE again for a filter already subscribed, so the broker re-sends its retained messages
     * (MQTT 5 retain handling 0). Does nothing while down: the next connect subscribes anyway.
     */
    public void resubscribe(String filter) {
        Dispatcher.Route match = subscriptions.stream().filter(s -> s.filter().equals(filter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not subscribed to " + filter));
        MqttAsyncClient c = client;
        if (connected && c != null) {
            try {
                subscribeAll(c, List.of(match));
            } catch (MqttException | PublishRefusedException e) {
                Logger.warn("MQTT re-subscribe to {} failed ({}); retried at the next connect", filter, e.getMessage());
            }
        }
    }

    public void addListener(LinkListener listener) {
        listeners.add(listener);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        running = true;
        dispatcher.start();
        connector.start();
    }

    public boolean isConnected() {
        return connected;
    }

    /** The last connect or connection error, "" if none yet: for status reports. */
    public String lastError() {
        return lastError;
    }

    /** Waits until connected (subscriptions in place) or the timeout passes. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!connected) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Publishes in flight right now (waiting for PUBACK). */
    public int inFlight() {
        return window.inFlight();
    }

    /**
     * Publishes; the future completes when the broker has the message (PUBACK for QoS 1) and fails with
     * {@link NotConnectedException}, {@link PublishRefusedException} or the timeout. Blocks the caller
     * while the in-flight window is full (at most the operation timeout).
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        MqttAsyncClient c = client;
        if (!connected || c == null) {
            result.completeExceptionally(new NotConnectedException("not connected to " + options.serverUri()));
            return result;
        }
        PublishWindow.Permit permit;
        try {
            permit = window.acquire(options.operationTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
            return result;
        }
        if (permit == null) {
            result.completeExceptionally(new NotConnectedException("no PUBACK within "
                    + options.operationTimeout().toMillis() + " ms for " + options.maxInFlight() + " messages in flight"));
            return result;
        }
        try {
            MqttMessage m = new MqttMessage(payload, qos, retained, null);
            c.publish(topic, m, null, new PubAckListener(topic, permit, result));
        } catch (MqttException | RuntimeException e) {
            permit.release();
            result.completeExceptionally(e);
        }
        return result.orTimeout(options.operationTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
    }

    private void connectLoop() {
        while (running) {
            if (!connected) {
                try {
                    connectOnce();
                } catch (Exception e) {
                    lastError = ClientEvents.describe(e);
                    Duration delay = backoff.nextDelay();
                    Logger.info("MQTT connect to {} failed ({}); next try in {} ms", options.serverUri(), lastError,
                            delay.toMillis());
                    sleepUnlessClosed(delay);
                    continue;
                }
            }
            synchronized (lock) {
                while (running && connected) {
                    try {
                        lock.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void connectOnce() throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        c.setManualAcks(true);
        c.setCallback(new ClientEvents(c, this::lost, dispatcher));
        MqttConnectionOptions o = PahoOptions.of(options);
        try {
            c.connect(o).waitForCompletion(options.connectTimeout().toMillis());
            if (!c.isConnected()) {
                throw new TimeoutException("no CONNACK within " + options.connectTimeout().toMillis() + " ms");
            }
            subscribeAll(c, subscriptions);
        } catch (Exception e) {
            closeQuietly(c);
            throw e;
        }
        synchronized (lock) {
            client = c;
            window.reset();
            connected = true;
            connectedAtNanos = System.nanoTime();
            backoff.connected(connectedAtNanos / 1_000_000);
            lastError = "";
            lock.notifyAll();
        }
        Logger.info("MQTT connected to {} as {}", options.serverUri(), options.clientId());
        for (LinkListener l : listeners) {
            try {
                l.connected();
            } catch (RuntimeException e) {
                Logger.error(e, "MQTT connect listener failed");
            }
        }
    }

    private void subscribeAll(MqttAsyncClient c, List<Dispatcher.Route> subs) throws MqttException,
            PublishRefusedException {
        for (Dispatcher.Route s : subs) {
            IMqttToken t = c.subscribe(new MqttSubscription(s.filter(), s.qos()));
            t.waitForCompletion(options.operationTimeout().toMillis());
            if (!t.isComplete()) {
                throw new PublishRefusedException("subscription to " + s.filter() + " (no SUBACK within "
                        + options.operationTimeout().toMillis() + " ms)", -1);
            }
            int refused = PubAckListener.firstFailure(t.getReasonCodes());
            if (refused >= 0) {
                throw new PublishRefusedException("subscription to " + s.filter(), refused);
            }
        }
    }

    private void lost(MqttAsyncClient c, String reason) {
        boolean wasConnected;
        synchronized (lock) {
            if (c != client) {
                return;
            }
            wasConnected = connected;
            connected = false;
            client = null;
            window.reset();
            backoff.disconnected(System.nanoTime() / 1_000_000);
            lastError = reason;
            lock.notifyAll();
        }
        closeQuietly(c);
        if (wasConnected) {
            Logger.warn("MQTT connection to {} lost: {}", options.serverUri(), reason);
            for (LinkListener l : listeners) {
                try {
                    l.disconnected(reason);
                } catch (RuntimeException e) {
                    Logger.error(e, "MQTT disconnect listener failed");
                }
            }
        }
    }

    private void sleepUnlessClosed(Duration delay) {
        synchronized (lock) {
            long deadline = System.nanoTime() + delay.toNanos();
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Cuts the connection as a crash would (no DISCONNECT, so the broker publishes the will); for tests. */
    void dropWithoutDisconnect() {
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                c.disconnectForcibly(0, 0, false);
            } catch (MqttException e) {
                Logger.debug("MQTT forced drop: {}", e.getMessage());
            }
            lost(c, "dropped without DISCONNECT");
        }
    }

    /** Stops reconnecting, lets the dispatcher finish the message in hand, disconnects cleanly. */
    @Override
    public void close() {
        running = false;
        MqttAsyncClient c;
        synchronized (lock) {
            c = client;
            client = null;
            connected = false;
            lock.notifyAll();
        }
        connector.interrupt();
        try {
            dispatcher.join(options.operationTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (c != null) {
            try {
                c.disconnect(options.operationTimeout().toMillis()).waitForCompletion(
                        options.operationTimeout().toMillis());
            } catch (MqttException | RuntimeException e) {
                Logger.debug("MQTT disconnect: {}", e.getMessage());
            }
            closeQuietly(c);
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 100, false);
            }
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            Logger.debug("MQTT close: {}", e.getMessage());
        }
    }
}
