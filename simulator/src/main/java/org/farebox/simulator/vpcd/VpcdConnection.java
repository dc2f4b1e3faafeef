package org.farebox.simulator.vpcd;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * The socket to vpcd and its framing: a 2-byte big-endian length, then the payload. Sets TCP_QUICKACK
 * before every read, because vpcd sends length and payload in two writes without TCP_NODELAY and would
 * otherwise wait ~40 ms for our delayed ACK on every APDU.
 */
final class VpcdConnection implements AutoCloseable {
    static final int MAX_PAYLOAD = 0xFFFF;
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final boolean quickAck;

    private VpcdConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.quickAck = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static VpcdConnection open(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return new VpcdConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    boolean quickAckSupported() {
        return quickAck;
    }

    /** The next payload, or null when vpcd closed the connection between frames. */
    byte[] readFrame() throws IOException {
        armQuickAck();
        int high = in.read();
        if (high < 0) {
            return null;
        }
        armQuickAck();
        int low = in.read();
        if (low < 0) {
            throw new EOFException("vpcd closed the connection inside a frame header");
        }
        byte[] payload = new byte[(high << 8) | low];
        try {
            armQuickAck();
            in.readFully(payload);
        } catch (EOFException e) {
            throw new EOFException("vpcd closed the connection inside a frame of " + payload.length + " bytes");
        }
        return payload;
    }

    /** Sends one frame in a single write, so it leaves in one segment. */
    void writeFrame(byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a vpcd frame holds at most " + MAX_PAYLOAD + " bytes, got " + payload.length);
        }
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    private void armQuickAck() throws IOException {
        // Linux clears quick-ACK mode by itself after a while, hence before every read, not once.
        if (quickAck) {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    String remote() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all we wanted; a failure leaves nothing to do.
        }
    }
}
