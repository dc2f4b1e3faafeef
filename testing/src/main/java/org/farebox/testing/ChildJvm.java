package org.farebox.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started from this test's own class path, as a daemon runs in production: its own process, so
 * it can be killed, sent SIGTERM and can call System.exit. Output is read as it comes, line by line.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), stdout, "stdout");
        this.errReader = reader(process.getErrorStream(), stderr, "stderr");
    }

    /** Starts {@code mainClass} with {@code args}; stdout and stderr lines both go to {@link #awaitLine}. */
    public static ChildJvm start(String mainClass, List<String> args) throws IOException {
        // The child lives seconds: start fast rather than run fast.
        return start(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), mainClass, args);
    }

    /** Like {@link #start(String, List)} with the given JVM options (e.g. a small -Xmx). */
    public static ChildJvm start(List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        String pcsclite = System.getProperty("sun.security.smartcardio.library");
        if (pcsclite != null && !pcsclite.isBlank()) {
            command.add("-Dsun.security.smartcardio.library=" + pcsclite);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    private Thread reader(InputStream in, StringBuffer transcript, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    transcript.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                transcript.append("(reading ").append(name).append(" failed: ").append(e).append(")\n");
            }
        }, "child-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The next line (of either stream) that {@code wanted} accepts, skipping others; null on timeout or exit. */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String line = lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive() && !outReader.isAlive() && !errReader.isAlive() && lines.isEmpty()) {
                return null;
            }
        }
    }

    public Process process() {
        return process;
    }

    /**
     * Sends SIGTERM, as systemctl stop does. Through the process handle: Process.destroy() would also close
     * our ends of the pipes, and the last lines the child writes while stopping would be lost.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL (kill -9), keeping the pipes open to read what the child wrote before it died. */
    public void sigkill() {
        process.toHandle().destroyForcibly();
    }

    /** Waits for the child to end; true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the child to end and returns its exit status (137 after SIGKILL or a halt(137)); -1 on timeout. */
    public int awaitExitCode(Duration timeout) throws InterruptedException {
        return awaitExit(timeout) ? process.exitValue() : -1;
    }

    /** All of stdout so far (complete once the child has exited). */
    public String stdout() {
        drainIfExited(outReader);
        return stdout.toString();
    }

    public String stderr() {
        drainIfExited(errReader);
        return stderr.toString();
    }

    /** Both streams, for failure messages. */
    public String transcript() {
        return "--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
    }

    private void drainIfExited(Thread reader) {
        if (process.isAlive()) {
            return;
        }
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the child if it still runs (SIGKILL) and waits for it. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new UncheckedIOException(new IOException("child JVM " + process.pid() + " survived SIGKILL"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
