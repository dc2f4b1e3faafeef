package org.farebox.clearing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * A JVM started from this test's class path, as the clearing host runs in production: its own process,
 * so it can be killed with SIGKILL or halt. Output of both streams is read line by line as it comes.
 * (The terminal's tests have the same helper; test code is not shared between modules.)
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer transcript = new StringBuffer();
    private final List<Thread> readers = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        readers.add(reader(process.getInputStream()));
        readers.add(reader(process.getErrorStream()));
    }

    static ChildJvm start(String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    private Thread reader(InputStream in) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    transcript.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                transcript.append("(reading failed: ").append(e).append(")\n");
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The next line that {@code wanted} accepts; null on timeout or when the child has ended. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive() && readers.stream().noneMatch(Thread::isAlive) && lines.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /** SIGKILL (kill -9). */
    void sigkill() {
        process.toHandle().destroyForcibly();
    }

    /** The exit status once ended, or -1 if still running after the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
