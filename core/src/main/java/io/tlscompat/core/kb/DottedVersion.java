package io.tlscompat.core.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * A version such as {@code 12.8.1.jre11} or {@code 1.3.1}, compared by its leading numeric parts; the first part
 * that is not a number (the {@code jreN} variant, {@code -preview}) ends the comparison and is kept as the qualifier.
 */
public final class DottedVersion implements Comparable<DottedVersion> {
    private final String text;
    private final List<Integer> numbers;
    private final String qualifier;

    private DottedVersion(String text, List<Integer> numbers, String qualifier) {
        this.text = text;
        this.numbers = numbers;
        this.qualifier = qualifier;
    }

    /** Parses any version text; one without a leading number compares as 0. */
    public static DottedVersion parse(String text) {
        List<Integer> numbers = new ArrayList<>();
        String[] parts = text.trim().split("[.\\-]");
        StringBuilder qualifier = new StringBuilder();
        boolean inQualifier = false;
        for (String p : parts) {
            if (!inQualifier && p.matches("\\d{1,9}")) {
                numbers.add(Integer.parseInt(p));
            } else {
                inQualifier = true;
                if (qualifier.length() > 0) {
                    qualifier.append('.');
                }
                qualifier.append(p);
            }
        }
        return new DottedVersion(text.trim(), numbers, qualifier.toString());
    }

    /** The text after the numbers, e.g. {@code jre11} for {@code 12.8.1.jre11}; empty when none. */
    public String qualifier() {
        return qualifier;
    }

    /** True when this version is the same as or newer than {@code other} (numbers only). */
    public boolean atLeast(String other) {
        return compareTo(parse(other)) >= 0;
    }

    @Override
    public int compareTo(DottedVersion o) {
        int n = Math.max(numbers.size(), o.numbers.size());
        for (int i = 0; i < n; i++) {
            int a = i < numbers.size() ? numbers.get(i) : 0;
            int b = i < o.numbers.size() ? o.numbers.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DottedVersion && compareTo((DottedVersion) o) == 0
                && qualifier.equals(((DottedVersion) o).qualifier);
    }

    @Override
    public int hashCode() {
        return numbers.hashCode() * 31 + qualifier.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
