package org.farebox.fare.gtfs.bundle;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.farebox.fare.model.DistanceBand;
import org.farebox.fare.model.DistanceFare;
import org.farebox.fare.model.DistanceMatrix;
import org.farebox.fare.model.FareTable;
import org.farebox.fare.model.FareTransferRule;
import org.farebox.fare.model.ServiceCalendar;

/** Writes a {@link FareBundle} (format 2): header, string table, sections in a fixed order, extensions, CRC-32. */
final class BundleWriter {
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final ByteSink body = new ByteSink();

    byte[] write(FareBundle bundle) {
        FareTable t = bundle.table();
        str(t.zone().getId());
        str(t.currency());
        section(t.networks(), n -> strs(n.id(), n.name()));
        section(t.routes(), r -> strs(r.id(), r.networkId()));
        section(t.stops(), s -> strs(s.id(), s.parentStationId()));
        section(t.areas(), a -> strs(a.id(), a.name()));
        section(t.stopAreas(), a -> strs(a.areaId(), a.stopId()));
        section(t.riderCategories(), c -> {
            strs(c.id(), c.name());
            body.u8(c.isDefault() ? 1 : 0);
        });
        section(t.fareMedia(), m -> {
            strs(m.id(), m.name());
            body.u8(m.type());
        });
        section(t.fareProducts(), x -> {
            strs(x.id(), x.name(), x.riderCategoryId(), x.fareMediaId());
            body.signed(x.amountFen());
            str(x.currency());
        });
        section(t.legRules(), r -> {
            strs(r.legGroupId(), r.networkId(), r.fromAreaId(), r.toAreaId(), r.fromTimeframeGroupId(),
                    r.toTimeframeGroupId(), r.fareProductId());
            body.varint(r.rulePriority());
        });
        section(t.joinRules(), r -> strs(r.fromNetworkId(), r.toNetworkId(), r.fromStopId(), r.toStopId()));
        section(t.transferRules(), this::transferRule);
        section(t.timeframes(), f -> {
            str(f.groupId());
            body.varint(f.startSecond());
            body.varint(f.endSecond());
            str(f.serviceId());
        });
        section(t.calendars(), this::calendar);
        section(t.distanceFares().matrices(), this::matrix);
        section(t.distanceFares().fares(), this::distanceFare);
        new ExtensionsWriter(body, this::str).write(t.extensions());

        ByteSink out = new ByteSink();
        out.bytes(BundleFormat.MAGIC);
        out.fixed(BundleFormat.FORMAT_VERSION, 2);
        out.fixed(t.rulePriorityColumnPresent() ? BundleFormat.FLAG_RULE_PRIORITY_COLUMN : 0, 2);
        out.fixed(t.version(), 8);
        out.fixed(bundle.validFrom().getEpochSecond(), 8);
        out.varint(strings.size());
        for (String s : strings.keySet()) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > BundleFormat.MAX_STRING_BYTES) {
                throw new IllegalArgumentException("a text of " + utf8.length + " bytes is too long for a bundle");
            }
            out.varint(utf8.length);
            out.bytes(utf8);
        }
        out.bytes(body.toArray());
        CRC32 crc = new CRC32();
        byte[] content = out.toArray();
        crc.update(content);
        out.fixed(crc.getValue(), 4);
        if (out.size() > FareBundle.MAX_BYTES) {
            throw new IllegalArgumentException("the bundle would be " + out.size() + " bytes, more than "
                    + FareBundle.MAX_BYTES);
        }
        return out.toArray();
    }

    private void transferRule(FareTransferRule r) {
        strs(r.fromLegGroupId(), r.toLegGroupId(), r.fareProductId());
        body.signed(r.transferCount());
        if (r.durationLimit().isPresent()) {
            body.u8(1);
            body.varint(r.durationLimit().get().seconds());
            body.u8(r.durationLimit().get().type().code());
        } else {
            body.u8(0);
        }
        body.u8(r.transferType().code());
    }

    private void calendar(ServiceCalendar c) {
        str(c.serviceId());
        int mask = 0;
        for (DayOfWeek d : c.weekdays()) {
            mask |= 1 << (d.getValue() - 1);
        }
        body.u8(mask);
        body.signed(c.startDate().toEpochDay());
        body.signed(c.endDate().toEpochDay());
        dates(c.addedDates().stream().sorted().toList());
        dates(c.removedDates().stream().sorted().toList());
    }

    private void dates(List<LocalDate> dates) {
        body.varint(dates.size());
        dates.forEach(d -> body.signed(d.toEpochDay()));
    }

    private void matrix(DistanceMatrix m) {
        str(m.networkId());
        List<String> ids = m.stationIds();
        body.varint(ids.size());
        ids.forEach(this::str);
        for (String from : ids) {
            for (String to : ids) {
                // Cells are metres + 1 so that an unknown pair (-1) is the one-byte 0.
                body.varint(m.metresBetween(from, to).orElse(DistanceMatrix.UNKNOWN) + 1L);
            }
        }
    }

    private void distanceFare(DistanceFare f) {
        strs(f.fareProductId(), f.riderCategoryId(), f.networkId());
        body.varint(f.bands().size());
        for (DistanceBand b : f.bands()) {
            body.varint(b.upToMetres());
            body.signed(b.amountFen());
        }
    }

    private <T> void section(List<T> items, java.util.function.Consumer<T> each) {
        body.varint(items.size());
        items.forEach(each);
    }

    private void strs(String... values) {
        for (String v : values) {
            str(v);
        }
    }

    private void str(String s) {
        Integer i = strings.get(s);
        if (i == null) {
            i = strings.size();
            strings.put(s, i);
        }
        body.varint(i);
    }
}
