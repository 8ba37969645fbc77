package io.tlscompat.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves Spring-style placeholders ({@code ${DB_HOST}}, {@code ${DB_HOST:localhost}}, nested in defaults) in a
 * configuration value. A name is looked up, in order, in the sources given (the build's system properties, its
 * environment, with Spring's relaxed form {@code db.host -> DB_HOST}, the Maven project's properties, the other keys
 * of the configuration files), and only then is the default used. What cannot be resolved is reported, never
 * dropped.
 */
final class PlaceholderResolver {
    /** The outcome for one value: the text with what could be resolved, and the names that could not. */
    static final class Result {
        final String value;
        final List<String> unresolved;

        Result(String value, List<String> unresolved) {
            this.value = value;
            this.unresolved = unresolved;
        }
    }

    private final List<Function<String, String>> sources;

    PlaceholderResolver(List<Function<String, String>> sources) {
        this.sources = sources;
    }

    /**
     * The build's sources, in Spring's order of precedence: {@code -D} properties, system properties, the
     * environment (also in the relaxed form), the Maven project's properties.
     */
    static List<Function<String, String>> sources(Map<?, ?> userProperties, Map<?, ?> systemProperties,
            Map<String, String> environment, Map<?, ?> projectProperties) {
        List<Function<String, String>> sources = new ArrayList<>();
        sources.add(name -> string(userProperties.get(name)));
        sources.add(name -> string(systemProperties.get(name)));
        sources.add(name -> {
            String v = environment.get(name);
            return v != null ? v : environment.get(name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        });
        sources.add(name -> string(projectProperties.get(name)));
        return sources;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    Result resolve(String text) {
        List<String> unresolved = new ArrayList<>();
        String value = resolve(text, unresolved, 0);
        return new Result(value, unresolved);
    }

    private String resolve(String text, List<String> unresolved, int depth) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = matchingBrace(text, start + 2);
            if (end < 0) {
                out.append(text, i, text.length()); // no closing brace: not a placeholder, as in Spring
                break;
            }
            out.append(text, i, start);
            String body = text.substring(start + 2, end);
            int colon = topLevelColon(body);
            String name = colon < 0 ? body : body.substring(0, colon);
            String found = depth < 10 ? lookup(name) : null;
            if (found != null) {
                out.append(resolve(found, unresolved, depth + 1));
            } else if (colon >= 0) {
                out.append(resolve(body.substring(colon + 1), unresolved, depth + 1));
            } else {
                unresolved.add(name);
                out.append("${").append(name).append('}');
            }
            i = end + 1;
        }
        return out.toString();
    }

    private String lookup(String name) {
        for (Function<String, String> s : sources) {
            String v = s.apply(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("${", i)) {
                depth++;
                i++;
            } else if (body.charAt(i) == '}') {
                depth--;
            } else if (body.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
