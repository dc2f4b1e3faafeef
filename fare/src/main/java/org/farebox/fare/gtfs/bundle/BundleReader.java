package org.farebox.fare.gtfs.bundle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.farebox.fare.model.Area;
import org.farebox.fare.model.DistanceBand;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceFares;
import org.farebox.fare.model.DistanceMatrix;
import org.farebox.fare.model.DurationLimit;
import org.farebox.fare.model.DurationLimitType;
import org.farebox.fare.model.FareLegJoinRule;
import org.farebox.fare.model.FareLegRule;
import org.farebox.fare.model.FareMedium;
import org.farebox.fare.model.FareProduct;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.FareTransferType;
import org.farebox.fare.model.Network;
import org.farebox.fare.model.RiderCategory;
import org.farebox.fare.model.Route;
import org.farebox.fare.model.ServiceCalendar;
import org.farebox.fare.model.Stop;
import org.farebox.fare.model.StopArea;
import org.farebox.fare.model.Timeframe;

/** Reads a {@link FareBundle}, checking magic, format, CRC, every count and index against what is left. */
final class BundleReader {
    private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final int MAX_MATRIX_STATIONS = 20_000;

    private final byte[] bytes;
    private ByteSource in;
    private String[] strings;

    BundleReader(byte[] bytes) {
        this.bytes = bytes;
    }

    FareBundle read() {
        if (bytes == null || bytes.length < BundleFormat.HEADER_BYTES + BundleFormat.CRC_BYTES + 1) {
            throw new BundleException("fare bundle: too short to be a bundle");
        }
        if (bytes.length > FareBundle.MAX_BYTES) {
            throw new BundleException("fare bundle: " + bytes.length + " bytes, more than " + FareBundle.MAX_BYTES);
        }
        if (!Arrays.equals(Arrays.copyOf(bytes, 4), BundleFormat.MAGIC)) {
            throw new BundleException("fare bundle: not a fare bundle (no FBFT magic)");
        }
        int contentEnd = bytes.length - BundleFormat.CRC_BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, contentEnd);
        long stored = new ByteSource(bytes, contentEnd, bytes.length).fixed(4);
        if (crc.getValue() != stored) {
            throw new BundleException("fare bundle: CRC-32 mismatch (the file is corrupted or truncated)");
        }
        in = new ByteSource(bytes, 4, contentEnd);
        int format = (int) in.fixed(2);
        if (format < BundleFormat.OLDEST_READABLE_VERSION || format > BundleFormat.FORMAT_VERSION) {
            throw new BundleException("fare bundle: format version " + format + " is not supported (this build "
                    + "reads versions " + BundleFormat.OLDEST_READABLE_VERSION + " to " + BundleFormat.FORMAT_VERSION
                    + ")");
        }
        int flags = (int) in.fixed(2);
        long version = in.fixed(8);
        long validFrom = in.fixed(8);
        try {
            strings();
            FareTable table = table(flags, version, format);
            if (in.remaining() != 0) {
                throw in.error(in.remaining() + " unexpected bytes after the last section");
            }
            return new FareBundle(table, Instant.ofEpochSecond(validFrom));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BundleException("fare bundle: invalid content: " + e.getMessage(), e);
        }
    }

    private void strings() {
        int n = in.count(1, "string");
        strings = new String[n];
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < n; i++) {
            int len = in.bounded(BundleFormat.MAX_STRING_BYTES, "string length");
            try {
                strings[i] = decoder.decode(ByteBuffer.wrap(in.bytes(len))).toString();
            } catch (CharacterCodingException e) {
                throw in.error("string " + i + " is not UTF-8");
            }
        }
    }

    private FareTable table(int flags, long version, int format) {
        FareTable.Builder b = FareTable.builder().version(version)
                .rulePriorityColumnPresent((flags & BundleFormat.FLAG_RULE_PRIORITY_COLUMN) != 0);
        b.zone(ZoneId.of(str()));
        b.currency(str());
        section(2, () -> b.network(new Network(str(), str())));
        section(2, () -> b.route(new Route(str(), str())));
        section(2, () -> b.stop(new Stop(str(), str())));
        section(2, () -> b.area(new Area(str(), str())));
        section(2, () -> b.stopArea(new StopArea(str(), str())));
        section(3, () -> b.riderCategory(new RiderCategory(str(), str(), in.bounded(1, "is_default") == 1)));
        section(3, () -> b.fareMedium(new FareMedium(str(), str(), in.bounded(4, "fare_media_type"))));
        section(6, () -> b.fareProduct(new FareProduct(str(), str(), str(), str(), in.signed(), str())));
        section(8, () -> b.legRule(new FareLegRule(str(), str(), str(), str(), str(), str(), str(),
                in.bounded(Integer.MAX_VALUE, "rule_priority"))));
        section(4, () -> b.joinRule(new FareLegJoinRule(str(), str(), str(), str())));
        section(6, () -> b.transferRule(transferRule()));
        section(4, () -> b.timeframe(new Timeframe(str(), in.bounded(Timeframe.DAY_SECONDS, "start"),
                in.bounded(Timeframe.DAY_SECONDS, "end"), str())));
        section(6, () -> b.calendar(calendar()));
        List<DistanceMatrix> matrices = new ArrayList<>();
        section(2, () -> matrices.add(matrix()));
        List<DistanceFare> fares = new ArrayList<>();
        section(5, () -> fares.add(distanceFare()));
        b.distanceFares(matrices.isEmpty() && fares.isEmpty() ? DistanceFares.none()
                : new DistanceFares(matrices, fares));
        if (format >= 2) {
            b.extensions(new ExtensionsReader(in, this::str).read());
        }
        return b.build();
    }

    private FareTransferRule transferRule() {
        String from = str();
        String to = str();
        String product = str();
        long count = in.signed();
        if (count < FareTransferRule.UNLIMITED || count > Integer.MAX_VALUE) {
            throw in.error("transfer_count " + count + " out of range");
        }
        Optional<DurationLimit> limit = Optional.empty();
        if (in.bounded(1, "duration flag") == 1) {
            long seconds = in.bounded(Integer.MAX_VALUE, "duration_limit");
            limit = Optional.of(new DurationLimit(seconds, DurationLimitType.ofCode(in.u8())));
        }
        return new FareTransferRule(from, to, product, (int) count, limit, FareTransferType.ofCode(in.u8()));
    }

    private ServiceCalendar calendar() {
        String id = str();
        int mask = in.bounded(0x7F, "weekday mask");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & (1 << (d.getValue() - 1))) != 0) {
                days.add(d);
            }
        }
        LocalDate start = date();
        LocalDate end = date();
        return new ServiceCalendar(id, days, start, end, dates(), dates());
    }

    private Set<LocalDate> dates() {
        int n = in.count(1, "date");
        Set<LocalDate> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(date());
        }
        return out;
    }

    private LocalDate date() {
        long day = in.signed();
        if (Math.abs(day) > MAX_EPOCH_DAY) {
            throw in.error("date " + day + " out of range");
        }
        return LocalDate.ofEpochDay(day);
    }

    private DistanceMatrix matrix() {
        String network = str();
        int n = in.bounded(MAX_MATRIX_STATIONS, "matrix stations");
        if ((long) n * n > in.remaining()) {
            throw in.error("a matrix of " + n + " stations needs more bytes than are left");
        }
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(str());
        }
        int[] cells = new int[n * n];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = in.bounded(Integer.MAX_VALUE, "distance") - 1;
        }
        return new DistanceMatrix(network, ids, cells);
    }

    private DistanceFare distanceFare() {
        String product = str();
        String category = str();
        String network = str();
        int n = in.count(2, "band");
        List<DistanceBand> bands = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bands.add(new DistanceBand(in.bounded(Integer.MAX_VALUE, "up_to_m"), in.signed()));
        }
        return new DistanceFare(product, category, network, bands);
    }

    private void section(int minRecordBytes, Runnable each) {
        int n = in.count(minRecordBytes, "section");
        for (int i = 0; i < n; i++) {
            each.run();
        }
    }

    private String str() {
        int i = in.bounded(strings.length - 1L, "string index");
        return strings[i];
    }

}
