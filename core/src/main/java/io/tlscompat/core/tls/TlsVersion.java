package io.tlscompat.core.tls;

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

    @Override
    public String toString() {
        return jdkName;
    }
}
