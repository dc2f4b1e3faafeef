package org.farebox.terminal.update;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.farebox.protocol.json.Json;
import org.farebox.protocol.json.JsonException;
import org.farebox.protocol.signed.RejectReason;
import org.farebox.protocol.signed.UpdateRejectedException;

/** Strict reading of payload text: bad UTF-8, bad JSON and bad times are INVALID_PAYLOAD, never an exception. */
final class Payloads {
    private Payloads() {
    }

    static String utf8(byte[] payload, String what) throws UpdateRejectedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(what + " is not UTF-8 text");
        }
    }

    static Map<String, Object> jsonObject(byte[] payload, String what) throws UpdateRejectedException {
        try {
            return Json.parseObject(utf8(payload, what));
        } catch (JsonException e) {
            throw invalid(what + " is not a JSON object: " + e.getMessage());
        }
    }

    /** An ISO-8601 instant ({@code 2026-12-01T00:00:00Z}) or offset date-time ({@code …+08:00}). */
    static Instant instant(String text, String what) throws UpdateRejectedException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw invalid(what + " '" + abbreviate(text) + "' is not an ISO-8601 time such as 2026-12-01T00:00:00+08:00");
            }
        }
    }

    static UpdateRejectedException invalid(String detail) {
        return new UpdateRejectedException(RejectReason.INVALID_PAYLOAD, detail);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
