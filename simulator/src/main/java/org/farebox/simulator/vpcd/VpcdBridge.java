package org.farebox.simulator.vpcd;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.farebox.protocol.bytes.Hex;
import org.farebox.simulator.card.ApduResponder;
import org.farebox.simulator.card.CardTornException;
import org.tinylog.Logger;

/**
 * Puts one virtual card into a vpcd reader: a TCP client of vpcd that answers its power, ATR and APDU
 * requests from an {@link ApduResponder}. The card is in the reader while connected; {@link #close()}, a
 * {@link CardTornException} or vpcd going away takes it out. One daemon thread per bridge.
 */
public final class VpcdBridge implements AutoCloseable {
    /** vpcd's host when pcscd runs on this machine. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** vpcd port of the first reader, {@value #FIELD_READER} (the contactless field). */
    public static final int FIELD_PORT = 35963;
    /** vpcd port of the second reader, {@value #SAM_READER} (the SAM slot). */
    public static final int SAM_PORT = 35964;
    /** The PC/SC name pcscd gives the reader on {@link #FIELD_PORT}. */
    public static final String FIELD_READER = "Virtual PCD 00 00";
    /** The PC/SC name pcscd gives the reader on {@link #SAM_PORT}. */
    public static final String SAM_READER = "Virtual PCD 00 01";

    private static final int CTRL_POWER_OFF = 0x00;
    private static final int CTRL_POWER_ON = 0x01;
    private static final int CTRL_RESET = 0x02;
    private static final int CTRL_GET_ATR = 0x04;
    /** "No precise diagnosis": what a card says when it cannot answer properly. */
    private static final byte[] SW_NO_DIAGNOSIS = {0x6F, 0x00};
    private static final long JOIN_MILLIS = 2_000;

    private final VpcdConnection connection;
    private final ApduResponder card;
    private final Thread thread;
    private final AtomicLong commandsAnswered = new AtomicLong();
    private volatile boolean closing;

    private VpcdBridge(VpcdConnection connection, ApduResponder card, String name) {
        this.connection = connection;
        this.card = card;
        this.thread = new Thread(this::serve, name);
        thread.setDaemon(true);
    }

    /** Connects to vpcd on {@code host:port}; the card is in that reader once this returns. */
    public static VpcdBridge connect(String host, int port, ApduResponder card) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(card, "card");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        VpcdConnection connection = VpcdConnection.open(host, port);
        if (!connection.quickAckSupported()) {
            Logger.warn("TCP_QUICKACK is not supported here: expect ~40 ms per APDU through vpcd");
        }
        VpcdBridge bridge = new VpcdBridge(connection, card, "vpcd-bridge-" + host + ":" + port);
        bridge.thread.start();
        Logger.debug("virtual card connected to vpcd at {}:{}", host, port);
        return bridge;
    }

    /** Connects to vpcd on {@link #DEFAULT_HOST}. */
    public static VpcdBridge connect(int port, ApduResponder card) throws IOException {
        return connect(DEFAULT_HOST, port, card);
    }

    /** True until the card has left the reader (closed, torn, or vpcd gone). */
    public boolean isConnected() {
        return thread.isAlive();
    }

    /** Waits until the card has left the reader; true if it has, false on timeout. */
    public boolean awaitDisconnected(Duration timeout) throws InterruptedException {
        long millis = Math.max(1, timeout.toMillis());
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Command APDUs answered so far (control frames not counted). */
    public long commandsAnswered() {
        return commandsAnswered.get();
    }

    /** Takes the card out of the reader and stops the thread; safe to call more than once. */
    @Override
    public void close() {
        closing = true;
        connection.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                Logger.warn("{} did not stop within {} ms (the card is still answering a command)", thread.getName(), JOIN_MILLIS);
            }
        }
    }

    private void serve() {
        try {
            boolean inReader = true;
            while (inReader) {
                byte[] frame = connection.readFrame();
                if (frame == null) {
                    Logger.info("vpcd at {} closed the connection: the card left the reader", connection.remote());
                    break;
                }
                inReader = answer(frame);
            }
        } catch (IOException e) {
            if (!closing) {
                Logger.warn("connection to vpcd lost: {}", e.toString());
            }
        } catch (RuntimeException | Error e) {
            Logger.error(e, "the vpcd bridge stopped on an unexpected error");
        } finally {
            connection.close();
            powerDown();
        }
    }

    /** Handles one frame; false when the card has left the reader. */
    private boolean answer(byte[] frame) throws IOException {
        if (frame.length == 0) {
            Logger.warn("ignoring an empty frame from vpcd");
            return true;
        }
        if (frame.length == 1) {
            return control(frame[0] & 0xFF);
        }
        byte[] response;
        try {
            response = card.process(frame);
        } catch (CardTornException e) {
            Logger.info("card torn during {}: it leaves the reader", Hex.of(frame));
            return false;
        } catch (RuntimeException e) {
            Logger.error(e, "the virtual card failed on {}: answering 6F00", Hex.of(frame));
            response = SW_NO_DIAGNOSIS;
        }
        // Counted before the answer leaves, so whoever reads the answer also sees the count.
        commandsAnswered.incrementAndGet();
        connection.writeFrame(checked(response, frame));
        return true;
    }

    private boolean control(int code) throws IOException {
        switch (code) {
            case CTRL_POWER_OFF, CTRL_RESET -> powerDown();
            case CTRL_POWER_ON -> Logger.trace("vpcd powers the card on");
            case CTRL_GET_ATR -> {
                byte[] atr;
                try {
                    atr = card.atr();
                } catch (RuntimeException e) {
                    Logger.error(e, "the virtual card failed to give its ATR: it leaves the reader");
                    return false;
                }
                if (atr == null || atr.length == 0 || atr.length > VpcdConnection.MAX_PAYLOAD) {
                    Logger.error("the virtual card has no usable ATR ({}): it leaves the reader",
                            atr == null ? "null" : atr.length + " bytes");
                    return false;
                }
                connection.writeFrame(atr);
            }
            default -> Logger.warn("ignoring unknown vpcd control code {}", String.format("%02X", code));
        }
        return true;
    }

    private static byte[] checked(byte[] response, byte[] command) {
        if (response == null || response.length < 2) {
            Logger.error("the virtual card answered {} to {}: sending 6F00",
                    response == null ? "null" : Hex.of(response), Hex.of(command));
            return SW_NO_DIAGNOSIS;
        }
        if (response.length > VpcdConnection.MAX_PAYLOAD) {
            Logger.error("the virtual card answered {} bytes to {}, more than a vpcd frame holds: sending 6F00",
                    response.length, Hex.of(command));
            return SW_NO_DIAGNOSIS;
        }
        return response;
    }

    private void powerDown() {
        try {
            card.powerDown();
        } catch (RuntimeException e) {
            Logger.warn(e, "the virtual card failed to power down");
        }
    }

    @Override
    public String toString() {
        return thread.getName() + (isConnected() ? " (card in reader)" : " (card out)");
    }
}
