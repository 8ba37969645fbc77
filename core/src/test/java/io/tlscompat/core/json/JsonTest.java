package io.tlscompat.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesAndParsesBackTheSameTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 unicode é ✓");
        tree.put("long", 9_007_199_254_740_993L);
        tree.put("double", 1.5);
        tree.put("true", true);
        tree.put("null", null);
        tree.put("list", Arrays.asList(1L, "two", null, Arrays.asList()));
        tree.put("empty", new LinkedHashMap<>());

        for (String text : Arrays.asList(Json.write(tree), Json.writePretty(tree))) {
            assertThat(Json.parseObject(text)).isEqualTo(tree);
        }
        assertThat(Json.write(tree)).doesNotContain("\n");
        assertThat(Json.writePretty(tree)).endsWith("}\n");
    }

    @Test
    void keepsKeyOrder() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", 1L);
        tree.put("a", 2L);
        assertThat(Json.write(tree)).isEqualTo("{\"z\":1,\"a\":2}");
        assertThat(Json.parseObject("{\"z\":1,\"a\":2}").keySet()).containsExactly("z", "a");
    }

    @Test
    void badInputIsAJsonExceptionNamingTheProblem() {
        assertThat(error("{\"a\":}")).contains("unexpected character '}'");
        assertThat(error("{\"a\":1} x")).contains("trailing characters");
        assertThat(error("[1,2")).isNotEmpty();
        assertThat(error("")).contains("unexpected end of input");
        assertThat(catchThrowableOfType(JsonException.class, () -> Json.parseObject("[1]")))
                .hasMessage("expected a JSON object at the top level");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i <= Json.MAX_DEPTH + 1; i++) {
            deep.append('[');
        }
        assertThat(error(deep.toString())).contains("nesting deeper than " + Json.MAX_DEPTH);
    }

    @Test
    void numbersComeBackAsLongOrDouble() {
        List<?> list = (List<?>) Json.parse("[1, -2, 3.25, 1e3]");
        assertThat(list.get(0)).isEqualTo(1L);
        assertThat(list.get(1)).isEqualTo(-2L);
        assertThat(list.get(2)).isEqualTo(3.25);
        assertThat(((Number) list.get(3)).doubleValue()).isEqualTo(1000.0);
    }

    private static String error(String text) {
        return catchThrowableOfType(JsonException.class, () -> Json.parse(text)).getMessage();
    }
}
