package org.farebox.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto 2.0 broker process for a test: a plain listener and/or a TLS listener with client
 * certificates on free loopback ports, an optional ACL, persistence in its own temp folder. Stops and
 * restarts keep the same ports (and, with persistence, the retained messages and sessions).
 *
 * <pre>{@code
 * try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
 *     client.connect(broker.url());
 * }
 * }</pre>
 *
 * When Mosquitto is not installed the test is aborted (skipped), unless {@code CI=true}, where it fails.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path binary;
    private final Path dir;
    private final Path configFile;
    private final Path logFile;
    private final int port;
    private final int tlsPort;
    private Process process;

    private MosquittoBroker(Path binary, Path dir, Builder options) {
        this.binary = binary;
        this.dir = dir;
        this.configFile = dir.resolve("mosquitto.conf");
        this.logFile = dir.resolve("mosquitto.log");
        this.port = options.plain ? freePort() : -1;
        this.tlsPort = options.tls != null ? freePort() : -1;
        write(configFile, BrokerConfig.render(options, port, tlsPort, dir));
    }

    /** A builder with the defaults: plain listener, anonymous clients allowed, no ACL, persistence on. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker with the defaults (plain listener only). */
    public static MosquittoBroker startPlain() {
        return builder().start();
    }

    /** The Mosquitto binary: /usr/sbin/mosquitto, else the first on PATH, else the test is aborted (or fails in CI). */
    public static Path findBinary() {
        Path debian = Path.of("/usr/sbin/mosquitto");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(":")) {
                if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "mosquitto"))) {
                    return Path.of(entry, "mosquitto");
                }
            }
        }
        throw MissingInfrastructure.report("Mosquitto is not installed (no /usr/sbin/mosquitto, none on PATH)");
    }

    /** Starts the process and waits until every listener accepts TCP connections. */
    public synchronized MosquittoBroker start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker already running (pid " + process.pid() + ")");
        }
        try {
            Files.writeString(logFile, "---- start " + java.time.Instant.now() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(binary.toString(), "-c", configFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (int p : ports()) {
            waitForPort(p, deadline);
        }
        return this;
    }

    /** Stops the broker with SIGTERM (it saves its persistence database) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the broker with SIGKILL, as a crash or power cut would: nothing is saved. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops (SIGTERM) and starts again on the same ports with the same configuration and data folder. */
    public synchronized MosquittoBroker restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code tcp://127.0.0.1:PORT} of the plain listener. */
    public String url() {
        if (port < 0) {
            throw new IllegalStateException("this broker has no plain listener (built with plainListener(false))");
        }
        return "tcp://127.0.0.1:" + port;
    }

    /** {@code ssl://127.0.0.1:PORT} of the TLS listener. */
    public String tlsUrl() {
        if (tlsPort < 0) {
            throw new IllegalStateException("this broker has no TLS listener (build it with tls(...))");
        }
        return "ssl://127.0.0.1:" + tlsPort;
    }

    /** The plain listener's port, or -1 when there is none. */
    public int port() {
        return port;
    }

    /** The TLS listener's port, or -1 when there is none. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The generated mosquitto.conf (for a test that wants to show it in a failure message). */
    public Path configFile() {
        return configFile;
    }

    /** The last {@code lines} lines of the broker's log (all starts of this broker, appended). */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last 40 lines of the broker's log. */
    public String logTail() {
        return logTail(40);
    }

    /** Stops the broker and deletes its folder (configuration, log, persistence). */
    @Override
    public void close() {
        stop();
        deleteTree(dir);
    }

    private List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        if (port >= 0) {
            ports.add(port);
        }
        if (tlsPort >= 0) {
            ports.add(tlsPort);
        }
        return ports;
    }

    private void waitForPort(int p, long deadline) {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start with code " + process.exitValue()
                        + "; its log:\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", p), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("mosquitto did not accept connections on 127.0.0.1:" + p
                            + " within " + START_TIMEOUT.toSeconds() + " s; its log:\n" + logTail());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for mosquitto", e);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless; the test result is what matters.
        }
    }

    /** The TLS listener's PEM files: the CA that signs client certificates, and the broker's own certificate and key. */
    public record TlsFiles(Path caFile, Path certFile, Path keyFile) {
    }

    /** Options for {@link MosquittoBroker}; {@link #start()} builds and starts in one go. */
    public static final class Builder {
        boolean plain = true;
        TlsFiles tls;
        String tlsVersion = "tlsv1.2";
        Path aclFile;
        boolean allowAnonymous = true;
        boolean persistence = true;
        long messageSizeLimit;
        final List<String> extraLines = new ArrayList<>();

        private Builder() {
        }

        /** Whether to open the plain listener (default true). */
        public Builder plainListener(boolean open) {
            this.plain = open;
            return this;
        }

        /**
         * Adds a TLS listener that requires a client certificate signed by {@code caFile} and takes the
         * certificate's CN as the username ({@code use_identity_as_username}).
         */
        public Builder tls(Path caFile, Path certFile, Path keyFile) {
            this.tls = new TlsFiles(caFile.toAbsolutePath(), certFile.toAbsolutePath(), keyFile.toAbsolutePath());
            return this;
        }

        /** The lowest TLS version the TLS listener accepts: {@code tlsv1.2} (default) or {@code tlsv1.3}. */
        public Builder tlsVersion(String version) {
            if (!version.equals("tlsv1.2") && !version.equals("tlsv1.3")) {
                throw new IllegalArgumentException("tlsVersion must be tlsv1.2 or tlsv1.3, got " + version);
            }
            this.tlsVersion = version;
            return this;
        }

        /** A Mosquitto ACL file; applies to every listener. */
        public Builder aclFile(Path file) {
            this.aclFile = file.toAbsolutePath();
            return this;
        }

        /** Whether clients without a username may connect (default true); applies to every listener. */
        public Builder allowAnonymous(boolean allow) {
            this.allowAnonymous = allow;
            return this;
        }

        /** Whether the broker keeps retained messages and sessions across a stop (SIGTERM) and start (default true). */
        public Builder persistence(boolean on) {
            this.persistence = on;
            return this;
        }

        /** The largest PUBLISH payload in bytes the broker accepts; 0 (default) means Mosquitto's own limit. */
        public Builder messageSizeLimit(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("messageSizeLimit must be >= 0, got " + bytes);
            }
            this.messageSizeLimit = bytes;
            return this;
        }

        /** Appends a raw line to the generated mosquitto.conf (global section, before the listeners). */
        public Builder configLine(String line) {
            this.extraLines.add(line);
            return this;
        }

        /** Writes the configuration into a fresh temp folder; the broker is not started yet. */
        public MosquittoBroker build() {
            if (!plain && tls == null) {
                throw new IllegalStateException("a broker needs a listener: keep the plain one or add tls(...)");
            }
            Path binary = findBinary();
            try {
                return new MosquittoBroker(binary, Files.createTempDirectory("farebox-mosquitto-"), this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp folder for mosquitto", e);
            }
        }

        /** Builds and starts the broker. */
        public MosquittoBroker start() {
            MosquittoBroker broker = build();
            try {
                return broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
    }
}
