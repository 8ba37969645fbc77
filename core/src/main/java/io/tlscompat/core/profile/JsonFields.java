package io.tlscompat.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from parsed JSON, with errors that name the field. */
final class JsonFields {
    private JsonFields() {
    }

    static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("server profile field '" + key + "' must be a string");
        }
        return (String) v;
    }

    static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException("server profile field '" + key + "' must be true or false");
        }
        return (Boolean) v;
    }

    static long number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return 0;
        }
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("server profile field '" + key + "' must be a number");
        }
        return ((Number) v).longValue();
    }

    static Integer optionalInt(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : (int) number(m, key);
    }

    static List<String> strings(Map<String, Object> m, String key) {
        Object v = m.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("server profile field '" + key + "' must be a list of strings");
        }
        for (Object o : (List<?>) v) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** A list of objects; empty when the key is absent (profiles written before the key existed). */
    static List<Map<String, Object>> objects(Map<String, Object> m, String key) {
        Object v = m.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("server profile field '" + key + "' must be a list of objects");
        }
        for (Object o : (List<?>) v) {
            out.add(asObject(o, key));
        }
        return out;
    }

    static Map<String, Object> object(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : asObject(v, key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object v, String key) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("server profile field '" + key + "' must be an object");
        }
        return (Map<String, Object>) v;
    }
}
