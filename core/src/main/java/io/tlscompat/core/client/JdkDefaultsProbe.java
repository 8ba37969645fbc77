package io.tlscompat.core.client;

import io.tlscompat.core.json.Json;

import java.security.NoSuchAlgorithmException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The tiny program the gate runs on the target JDK ({@code <targetJavaHome>}) to read the truth: the protocols
 * and suites a client SSLContext enables, and the security properties, including whatever the vendor and the OS
 * crypto policy changed. Compiled for Java 8 (like all of core), so it runs on Java 8 and later; Java 7 targets are
 * answered from the knowledge base. Prints one line, {@value #MARKER} followed by JSON.
 */
public final class JdkDefaultsProbe {
    /** The output line starts with this, so JVM banners on stdout cannot be mistaken for the answer. */
    public static final String MARKER = "TLSCOMPAT-JDK ";

    /** The SSLContext labels a driver can ask for through sslProtocol. */
    static final List<String> CONTEXTS = Arrays.asList("TLS", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private JdkDefaultsProbe() {
    }

    /** Prints the JDK's client TLS defaults. */
    public static void main(String[] args) {
        System.out.println(MARKER + Json.write(collect()));
    }

    /** The same facts for the JVM this runs in. */
    public static Map<String, Object> collect() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("javaHome", System.getProperty("java.home"));
        Map<String, Object> protocols = new LinkedHashMap<>();
        List<String> suites = new ArrayList<>();
        for (String label : CONTEXTS) {
            try {
                SSLContext context = SSLContext.getInstance(label);
                context.init(null, null, null);
                SSLParameters p = context.getDefaultSSLParameters();
                protocols.put(label, Arrays.asList(p.getProtocols()));
                if (label.equals("TLS")) {
                    suites.addAll(Arrays.asList(p.getCipherSuites()));
                }
            } catch (NoSuchAlgorithmException e) {
                // this JDK has no such context (e.g. TLSv1.3 before 8u261); a driver asking for it fails anyway
            } catch (Exception e) {
                protocols.put(label, new ArrayList<String>());
            }
        }
        m.put("protocols", protocols);
        m.put("cipherSuites", suites);
        m.put("tlsDisabledAlgorithms", Security.getProperty("jdk.tls.disabledAlgorithms"));
        m.put("certpathDisabledAlgorithms", Security.getProperty("jdk.certpath.disabledAlgorithms"));
        m.put("clientProtocolsProperty", System.getProperty("jdk.tls.client.protocols"));
        return m;
    }
}
