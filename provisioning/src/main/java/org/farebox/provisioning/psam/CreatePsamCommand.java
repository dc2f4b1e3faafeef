package org.farebox.provisioning.psam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.provisioning.Args;
import org.farebox.provisioning.OutputFile;
import org.farebox.provisioning.ProvisionException;
import org.farebox.provisioning.keys.KeyFile;
import org.farebox.simulator.card.PsamProfile;
import org.farebox.simulator.card.VirtualPsam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code psam create}: a fresh state file for {@link VirtualPsam#open}: its terminal number and a transaction
 * serial of 0. The file holds no keys; whoever opens the PSAM passes the same key file, terminal number and
 * key index, and the open checks the terminal number against the file.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create the state file of a virtual PSAM (terminal number, last transaction serial 0).",
                "The keys stay in the key file: open the PSAM with the same keys, terminal number and key index."})
public final class CreatePsamCommand implements Callable<Integer> {
    /** The state format VirtualPsam reads (simulator's PsamSerialFile, not public). */
    static final String STATE_FORMAT = "farebox-virtual-psam/1";

    @Spec
    CommandSpec spec;

    @Option(names = "--keys", required = true, paramLabel = "FILE", description = "master key file (keys generate)")
    Path keys;

    @Option(names = "--terminal-number", required = true, paramLabel = "12HEX",
            description = "PSAM terminal number (MF file 0x16), 6 bytes")
    String terminalNumber;

    @Option(names = "--key-index", defaultValue = "1", paramLabel = "N",
            description = "purchase key index of the PSAM (default ${DEFAULT-VALUE})")
    int keyIndex;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PSAM-STATE.json", description = "state file to create")
    Path output;

    @Option(names = "--force", description = "replace the state file if it exists (its serial restarts at 0)")
    boolean force;

    @Override
    public Integer call() {
        Args args = new Args(spec);
        byte[] terminalNo = args.hex("--terminal-number", terminalNumber, 6);
        args.inRange("--key-index", keyIndex, 0, 255);
        OutputFile.checkWritable(output, force);
        PrintWriter out = spec.commandLine().getOut();
        MasterKeys master = KeyFile.load(keys, spec.commandLine().getErr());
        KeyFile.keySet(master, keys, keyIndex);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", STATE_FORMAT);
        state.put("terminal_no", Hex.of(terminalNo));
        state.put("last_serial", 0L);
        OutputFile.write(output, Json.write(state) + "\n", force);
        PsamProfile profile = PsamProfile.of(terminalNo, keyIndex);
        try {
            // Open it as the simulator will, so a file it would refuse is caught here and not at the terminal.
            VirtualPsam.open(master, profile, output);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProvisionException("the virtual PSAM refuses the state file just written (" + e.getMessage()
                    + "); please report it", e);
        }
        out.printf("created virtual PSAM state %s: terminal number %s, key index %d, last serial 0%n", output,
                Hex.of(terminalNo), keyIndex);
        out.printf("open it with the keys in %s: VirtualPsam.open(keys, PsamProfile.of(%s, %d), %s)%n", keys,
                Hex.of(terminalNo), keyIndex, output);
        return 0;
    }
}
