package org.farebox.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsNestedValues() {
        String text = "{\"a\":1,\"b\":[true,false,null,\"x\\ny\"],\"c\":{\"d\":-2.5}}";
        Map<String, Object> v = Json.parseObject(text);
        assertEquals(1L, v.get("a"));
        assertEquals(List.of(true, false), ((List<?>) v.get("b")).subList(0, 2));
        assertEquals(new BigDecimal("-2.5"), ((Map<?, ?>) v.get("c")).get("d"));
        assertEquals(text, Json.write(v));
    }

    @Test
    void duplicateKeysAreRefused() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().contains("duplicate key \"a\""), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void errorsNameTheOffset() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\": tru}"));
        assertTrue(e.getMessage().endsWith("at offset 6"), e.getMessage());
    }

    @Test
    void trailingGarbageIsRefused() {
        assertThrows(JsonException.class, () -> Json.parse("{} x"));
    }

    @Test
    void randomGarbageAndTruncationsOnlyEverRaiseJsonException() {
        String valid = "{\"format\":\"x\",\"n\":[1,2,{\"k\":\"\\u00e9\"}],\"f\":1.5e3,\"t\":true}";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String text;
            if (i % 2 == 0) {
                text = valid.substring(0, random.nextInt(valid.length()));
            } else {
                char[] c = valid.toCharArray();
                c[random.nextInt(c.length)] = (char) random.nextInt(128);
                text = new String(c);
            }
            try {
                Json.parse(text);
            } catch (JsonException expected) {
                // the only acceptable failure
            }
        }
    }
}
