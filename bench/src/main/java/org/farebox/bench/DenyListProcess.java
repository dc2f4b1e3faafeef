package org.farebox.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link DenyListApply} in a JVM of its own (a clean heap) and reads its {@code DENYLIST} lines back. */
final class DenyListProcess {
    private DenyListProcess() {
    }

    /** The figures, or an IOException saying why the child run failed. */
    static DenyListApply.Figures run(Path benchFolder, PrintStream passThrough) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "-D" + BenchFolder.PROPERTY + "=" + benchFolder, DenyListApply.class.getName(),
                Integer.toString(DenyListApply.ENTRIES));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> values = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 3 && parts[0].equals("DENYLIST")) {
                    values.put(parts[1], parts[2]);
                } else {
                    passThrough.println(line);
                }
            }
        }
        try {
            int status = child.waitFor();
            if (status != 0) {
                throw new IOException("the deny-list measurement exited with status " + status + " (its error is above)");
            }
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring the deny list", e);
        }
        try {
            return new DenyListApply.Figures(Integer.parseInt(values.get("entries")),
                    Integer.parseInt(values.get("payload_bytes")), Double.parseDouble(values.get("decode_s")),
                    Double.parseDouble(values.get("apply_s")), Double.parseDouble(values.get("load_s")),
                    Double.parseDouble(values.get("heap_without_mb")), Double.parseDouble(values.get("heap_with_mb")));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IOException("the deny-list measurement printed " + values + ", not every figure", e);
        }
    }
}
