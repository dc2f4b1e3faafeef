package org.farebox.fare.gtfs.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.farebox.fare.gtfs.Problems;

/**
 * Reads one GTFS file from a feed folder: size-checked before loading, strict UTF-8 (a leading BOM is
 * dropped), RFC 4180, header by name. Unknown columns are noted and ignored; missing required columns,
 * bad encodings and ragged rows are errors. Every problem goes to {@link Problems}; nothing is thrown.
 */
public final class CsvFileReader {
    private final Path folder;
    private final FeedLimits limits;
    private final Problems problems;

    public CsvFileReader(Path folder, FeedLimits limits, Problems problems) {
        this.folder = folder;
        this.limits = limits;
        this.problems = problems;
    }

    public Path folder() {
        return folder;
    }

    /** The file's table, or empty when the file is absent or unusable (the reason is in the problems). */
    public Optional<CsvTable> read(FileSchema schema) {
        String name = schema.fileName();
        Path path = folder.resolve(name);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            problems.error(name, 0, "is not a regular file");
            return Optional.empty();
        }
        Optional<String> text = load(name, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return table(schema, new CsvParser(name, text.get(), problems).parse());
    }

    private Optional<String> load(String name, Path path) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > limits.maxFileBytes()) {
                problems.error(name, 0, "is " + size + " bytes, more than the limit of " + limits.maxFileBytes()
                        + " bytes; the file was not read");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.error(name, 0, "cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        if (bytes.length > limits.maxFileBytes()) {
            problems.error(name, 0, "grew beyond the limit of " + limits.maxFileBytes() + " bytes while being read");
            return Optional.empty();
        }
        return decode(name, bytes);
    }

    private Optional<String> decode(String name, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = start; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.error(name, line, "is not valid UTF-8 (byte offset " + offset
                    + "); save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8");
            return Optional.empty();
        }
        out.flip();
        return Optional.of(out.toString());
    }

    private Optional<CsvTable> table(FileSchema schema, List<CsvParser.Line> lines) {
        String name = schema.fileName();
        if (lines.isEmpty()) {
            problems.error(name, 1, "has no header line");
            return Optional.empty();
        }
        CsvParser.Line header = lines.get(0);
        Map<String, Integer> columns = new HashMap<>();
        Set<String> known = schema.known();
        for (int i = 0; i < header.fields().size(); i++) {
            String column = header.fields().get(i).strip();
            if (columns.putIfAbsent(column, i) != null) {
                problems.error(name, header.line(), "column " + column + " appears twice in the header");
            } else if (!known.contains(column)) {
                problems.note(name, header.line(), "unknown column " + column + " is ignored");
            }
        }
        boolean complete = true;
        for (String required : schema.required()) {
            if (!columns.containsKey(required)) {
                problems.error(name, header.line(), "required column " + required + " is missing");
                complete = false;
            }
        }
        if (lines.size() - 1 > limits.maxRows()) {
            problems.error(name, 0, "has " + (lines.size() - 1) + " rows, more than the limit of " + limits.maxRows());
            return Optional.empty();
        }
        if (!complete) {
            return Optional.empty();
        }
        List<CsvRow> rows = new ArrayList<>(lines.size() - 1);
        int width = header.fields().size();
        for (CsvParser.Line line : lines.subList(1, lines.size())) {
            if (line.fields().size() != width) {
                problems.error(name, line.line(), "has " + line.fields().size() + " fields, the header has " + width);
                continue;
            }
            rows.add(new CsvRow(name, line.line(), columns, line.fields()));
        }
        return Optional.of(new CsvTable(name, new LinkedHashSet<>(columns.keySet()), rows));
    }
}
