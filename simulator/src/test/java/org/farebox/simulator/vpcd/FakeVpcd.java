package org.farebox.simulator.vpcd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The vpcd side of the wire, in the test: accepts the bridge and speaks length-prefixed frames to it. */
final class FakeVpcd implements AutoCloseable {
    private final ServerSocket server;
    private Socket socket;
    private DataInputStream in;
    private DataOutputStream out;

    FakeVpcd() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(5_000);
    }

    int port() {
        return server.getLocalPort();
    }

    void accept() throws IOException {
        socket = server.accept();
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    void send(byte... payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Sends raw bytes, framing included, to test broken frames. */
    void sendRaw(byte... bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] receive() throws IOException {
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** Sends a command frame and returns the answer frame. */
    byte[] exchange(byte... command) throws IOException {
        send(command);
        return receive();
    }

    /** True when the bridge has closed its end (the next read sees end of stream). */
    boolean bridgeClosed() throws IOException {
        return in.read() < 0;
    }

    void dropConnection() throws IOException {
        socket.close();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }
}
