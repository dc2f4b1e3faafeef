package org.farebox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the benchmarks put their SQLite files: on the project's disk (bench/target/bench-data), never a
 * RAM file system, because the figures are about fsync. {@code -Dfarebox.bench.dir} overrides it; BenchMain
 * passes it to the JMH forks so parent and forks agree.
 */
public final class BenchFolder {
    public static final String PROPERTY = "farebox.bench.dir";

    private BenchFolder() {
    }

    /** The base folder: the property if set, else bench-data next to the jar or classes folder (bench/target). */
    public static Path base() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path code = Path.of(BenchFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().resolve("bench-data");
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("bench", "target", "bench-data").toAbsolutePath();
        }
    }

    /** A fresh, empty folder under {@link #base()} for one benchmark trial. */
    public static Path fresh(String prefix) {
        try {
            Path base = Files.createDirectories(base());
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a benchmark folder under " + base() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a trial's folder and everything in it. */
    public static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete benchmark folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The file system type and device holding {@code path}, from /proc/mounts ("ext4 /dev/vda"), or "unknown". */
    public static String fileSystemOf(Path path) {
        try {
            Path real = path.toRealPath();
            String bestMount = "";
            String best = "unknown";
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length < 3) {
                    continue;
                }
                String mount = f[1].replace("\\040", " ");
                if (real.startsWith(mount) && mount.length() >= bestMount.length()) {
                    bestMount = mount;
                    best = f[2] + " " + f[0];
                }
            }
            return best;
        } catch (IOException | SecurityException e) {
            return "unknown";
        }
    }

    /** True when the folder lives in RAM, where fsync costs nothing and the figures would lie. */
    public static boolean inMemory(String fileSystem) {
        return List.of("tmpfs", "ramfs").contains(fileSystem.split(" ")[0]);
    }
}
