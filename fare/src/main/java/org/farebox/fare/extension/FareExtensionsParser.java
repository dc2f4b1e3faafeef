package org.farebox.fare.extension;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Farebox extension files (farebox_settings.txt, farebox_caps.txt, farebox_promotions.txt,
 * farebox_vouchers.txt, farebox_card_types.txt; each optional) and either returns them all validated or refuses them with every problem.
 */
public final class FareExtensionsParser {
    public static final String SETTINGS_FILE = "farebox_settings.txt";
    public static final List<String> FILES =
            List.of(SETTINGS_FILE, CapRows.FILE, PromotionRows.FILE, VoucherRows.FILE, CardTypeRows.FILE);
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** Reads the extension files present in {@code feedDir}; a feed without any gets {@link FareExtensions#NONE}. */
    public FareExtensions parse(Path feedDir) throws ExtensionFileException {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String name : FILES) {
            Path file = feedDir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.add(new Problem(name, 0, "the file is larger than 4 MiB"));
                    continue;
                }
                texts.put(name, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
            } catch (CharacterCodingException e) {
                problems.add(new Problem(name, 0, "the file is not valid UTF-8"));
            } catch (IOException e) {
                problems.add(new Problem(name, 0, "cannot be read: " + e.getMessage()));
            }
        }
        return parse(texts, problems);
    }

    /** Parses file contents by file name (absent name = absent file). */
    public FareExtensions parse(Map<String, String> texts) throws ExtensionFileException {
        return parse(texts, new ArrayList<>());
    }

    private FareExtensions parse(Map<String, String> texts, List<Problem> problems) throws ExtensionFileException {
        for (String name : texts.keySet()) {
            if (!FILES.contains(name)) {
                problems.add(new Problem(name, 0, "not a Farebox extension file (expected one of " + FILES + ")"));
            }
        }
        FareSettings settings = texts.containsKey(SETTINGS_FILE)
                ? settings(texts.get(SETTINGS_FILE), problems) : FareSettings.DEFAULT;
        List<Cap> caps = texts.containsKey(CapRows.FILE) ? CapRows.read(texts.get(CapRows.FILE), problems) : List.of();
        List<Promotion> promotions = texts.containsKey(PromotionRows.FILE)
                ? PromotionRows.read(texts.get(PromotionRows.FILE), problems) : List.of();
        List<Voucher> vouchers = texts.containsKey(VoucherRows.FILE)
                ? VoucherRows.read(texts.get(VoucherRows.FILE), problems) : List.of();
        CardTypes cardTypes = texts.containsKey(CardTypeRows.FILE)
                ? CardTypeRows.read(texts.get(CardTypeRows.FILE), problems) : CardTypes.NONE;
        if (!problems.isEmpty()) {
            throw new ExtensionFileException(problems);
        }
        return new FareExtensions(settings, caps, promotions, vouchers, cardTypes);
    }

    private static FareSettings settings(String text, List<Problem> problems) {
        CsvTable table = CsvTable.parse(SETTINGS_FILE, text, Set.of("setting_name", "setting_value"), Set.of(),
                problems);
        Map<String, Integer> seen = new HashMap<>();
        LocalTime dayStart = FareSettings.DEFAULT.transportDayStart();
        DayOfWeek weekStart = FareSettings.DEFAULT.weekStart();
        for (CsvTable.Row row : table.rows()) {
            String name = row.get("setting_name");
            String value = row.get("setting_value");
            try {
                Integer first = seen.putIfAbsent(name, row.line());
                if (first != null) {
                    throw new IllegalArgumentException("setting '" + name + "' already given on line " + first);
                }
                switch (name) {
                    case "transport_day_start" -> dayStart = Fields.localTime(name, value);
                    case "week_start" -> weekStart = Fields.dayOfWeek(name, value);
                    default -> throw new IllegalArgumentException("unknown setting '" + name
                            + "' (known: transport_day_start, week_start)");
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(SETTINGS_FILE, row.line(), e.getMessage()));
            }
        }
        return new FareSettings(dayStart, weekStart);
    }
}
