package io.tlscompat.core.kb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java release as people write it: {@code 1.7.0_80}, {@code 8u202}, {@code 1.8.0_291}, {@code 11.0.10},
 * {@code 17}, {@code 17.0.15}, {@code 25} (a {@code +build} or vendor suffix is ignored). Reduced to the feature
 * release (7, 8, 11, …) and the update number, which is all the JDK's TLS defaults depend on.
 */
public final class JdkVersion implements Comparable<JdkVersion> {
    /** The forms {@link #parse} accepts, for error messages. */
    public static final String VALID_FORMS = "1.7.0_80, 8u202, 1.8.0_291, 11.0.10, 17, 17.0.15, 21, 25";

    private static final Pattern LEGACY = Pattern.compile("1\\.(\\d+)(?:\\.\\d+)?(?:_(\\d+))?(?:[-+].*)?");
    private static final Pattern U_FORM = Pattern.compile("(\\d+)u(\\d+)");
    private static final Pattern MODERN = Pattern.compile("(\\d+)(?:\\.\\d+(?:\\.(\\d+))?(?:\\.\\d+)*)?(?:[-+].*)?");

    private final int feature;
    private final int update;

    public JdkVersion(int feature, int update) {
        this.feature = feature;
        this.update = update;
    }

    /**
     * @return the version, or null when the text is not a Java version
     */
    public static JdkVersion parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        Matcher m = LEGACY.matcher(t);
        if (m.matches()) {
            return new JdkVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        }
        m = U_FORM.matcher(t);
        if (m.matches()) {
            return new JdkVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = MODERN.matcher(t);
        if (m.matches()) {
            int feature = Integer.parseInt(m.group(1));
            if (feature < 5) {
                return null;
            }
            return new JdkVersion(feature, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
        }
        return null;
    }

    /** 7, 8, 11, 17, … */
    public int feature() {
        return feature;
    }

    /** 80 for 1.7.0_80, 15 for 17.0.15, 0 for a GA release. */
    public int update() {
        return update;
    }

    @Override
    public int compareTo(JdkVersion o) {
        return feature != o.feature ? Integer.compare(feature, o.feature) : Integer.compare(update, o.update);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdkVersion && compareTo((JdkVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return feature * 1000 + update;
    }

    /** {@code 1.8.0_291} for 8 and older, {@code 17.0.15} / {@code 25} for 9 and newer. */
    @Override
    public String toString() {
        if (feature <= 8) {
            return "1." + feature + ".0_" + update;
        }
        return update == 0 ? String.valueOf(feature) : feature + ".0." + update;
    }
}
