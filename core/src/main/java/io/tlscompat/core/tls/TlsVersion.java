package io.tlscompat.core.tls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The SSL/TLS protocol versions tls-compat knows, named as the JDK names them
 * ({@code SSLContext}, {@code jdk.tls.disabledAlgorithms}).
 */
public enum TlsVersion {
    SSLv3("SSLv3", 0x0300),
    TLSv1("TLSv1", 0x0301),
    TLSv1_1("TLSv1.1", 0x0302),
    TLSv1_2("TLSv1.2", 0x0303),
    TLSv1_3("TLSv1.3", 0x0304);

    private final String jdkName;
    private final int wireValue;

    TlsVersion(String jdkName, int wireValue) {
        this.jdkName = jdkName;
        this.wireValue = wireValue;
    }

    /** The JDK's name, e.g. {@code TLSv1.2}. */
    public String jdkName() {
        return jdkName;
    }

    /** The two-byte value on the wire, e.g. {@code 0x0303} for TLS 1.2. */
    public int wireValue() {
        return wireValue;
    }

    /** @return the version with this JDK name, or null when there is none. */
    public static TlsVersion fromJdkName(String name) {
        for (TlsVersion v : values()) {
            if (v.jdkName.equalsIgnoreCase(name)) {
                return v;
            }
        }
        return null;
    }

    /** @return the version with this wire value, or null when there is none. */
    public static TlsVersion fromWireValue(int value) {
        for (TlsVersion v : values()) {
            if (v.wireValue == value) {
                return v;
            }
        }
        return null;
    }

    /** The wire value of a version given by its JDK name, for ordering; 0 for a name that is no version. */
    public static int rank(String jdkName) {
        TlsVersion v = fromJdkName(jdkName);
        return v == null ? 0 : v.wireValue;
    }

    /** JDK version names best first, the order of client and server lists in findings. */
    public static List<String> bestFirst(Collection<String> jdkNames) {
        List<String> sorted = new ArrayList<>(jdkNames);
        Collections.sort(sorted, new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                return Integer.compare(rank(b), rank(a));
            }
        });
        return sorted;
    }

    @Override
    public String toString() {
        return jdkName;
    }
}
