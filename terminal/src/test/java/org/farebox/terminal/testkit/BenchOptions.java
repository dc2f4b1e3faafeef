package org.farebox.terminal.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.farebox.protocol.bytes.Hex;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.terminal.fare.FarePolicy;
import org.farebox.terminal.settle.TapSettings;

/**
 * How a {@link TerminalBench} is set up. Defaults: software SAM, terminal BUS-7 (number 000051010007) on
 * route 101 stop 3 in Asia/Shanghai, CAPP purchases, issuer 0100 only, algorithm 00 only, re-tap window
 * 120 s, master keys from seed 7 (key index 01 version 01, one level), clock at 2025-06-02 08:00 local.
 */
public final class BenchOptions {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant START = Instant.parse("2025-06-02T00:00:00Z");
    public static final int KEY_INDEX = 1;

    final Path dir;
    SamKind sam = SamKind.SOFT;
    String terminalId = "BUS-7";
    byte[] terminalNumber = Hex.parse("000051010007");
    String route = "101";
    int stop = 3;
    boolean capp = true;
    List<String> acceptedIssuers = List.of("0100");
    List<Integer> supportedAlgorithms = List.of(0x00);
    Duration retapWindow = Duration.ofSeconds(120);
    MasterKeys keys = MasterKeys.generate(new Random(7), 1, KEY_INDEX, 1);
    MutableClock clock;
    String stopId;
    Duration passbackWindow = TapSettings.DEFAULT_PASSBACK;
    FarePolicy fares;

    BenchOptions(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public BenchOptions sam(SamKind kind) {
        this.sam = kind;
        return this;
    }

    /** Another terminal: its own id and PSAM terminal number. */
    public BenchOptions terminal(String id, String terminalNumberHex) {
        this.terminalId = id;
        this.terminalNumber = Hex.parse(terminalNumberHex, 6, "terminal number");
        return this;
    }

    public BenchOptions capp(boolean value) {
        this.capp = value;
        return this;
    }

    public BenchOptions acceptedIssuers(List<String> codes) {
        this.acceptedIssuers = List.copyOf(codes);
        return this;
    }

    public BenchOptions supportedAlgorithms(List<Integer> ids) {
        this.supportedAlgorithms = List.copyOf(ids);
        return this;
    }

    public BenchOptions retapWindow(Duration window) {
        this.retapWindow = window;
        return this;
    }

    public BenchOptions keys(MasterKeys masterKeys) {
        this.keys = masterKeys;
        return this;
    }

    /** Shares a clock (two terminals on the same bus line see the same time). */
    public BenchOptions clock(MutableClock shared) {
        this.clock = shared;
        return this;
    }

    /** The terminal's route and GTFS stop id (fare bundles price by them). */
    public BenchOptions location(String routeId, String gtfsStopId) {
        this.route = routeId;
        this.stopId = gtfsStopId;
        return this;
    }

    public BenchOptions passbackWindow(Duration window) {
        this.passbackWindow = window;
        return this;
    }

    /** Prices with this policy instead of the flat bench table. */
    public BenchOptions fares(FarePolicy policy) {
        this.fares = policy;
        return this;
    }

    public TerminalBench start() {
        return new TerminalBench(this);
    }

    TapSettings settings() {
        return new TapSettings(terminalId, route, stop, stopId != null ? stopId : Integer.toString(stop), ZONE, capp,
                acceptedIssuers, supportedAlgorithms, retapWindow, passbackWindow);
    }
}
