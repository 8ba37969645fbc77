package io.tlscompat.core.browser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SVR_RESP message ([MC-SQLR] 2.2.5): 0x05, RESP_SIZE (2 bytes, little-endian), then RESP_DATA, one record per
 * instance, {@code ServerName;DB1;InstanceName;SQLEXPRESS;IsClustered;No;Version;15.0.2000.5;tcp;49172;;}. Keys
 * and values alternate, separated by {@code ;}; a record ends with {@code ;;}. Immutable.
 */
public final class BrowserResponse {
    /** SVR_RESP's first byte. */
    public static final int SVR_RESP = 0x05;
    /** RESP_DATA is at most 65,535 bytes (RESP_SIZE is two bytes). */
    static final int MAX_DATA = 0xFFFF;

    private final List<Map<String, String>> instances;

    private BrowserResponse(List<Map<String, String>> instances) {
        this.instances = Collections.unmodifiableList(instances);
    }

    /** One record per instance, keys as the Browser spells them ({@code InstanceName}, {@code tcp}...). */
    public List<Map<String, String>> instances() {
        return instances;
    }

    /** The record of this instance (names compare case-insensitively, as SQL Server's do), or null. */
    public Map<String, String> instance(String name) {
        for (Map<String, String> i : instances) {
            String n = i.get("InstanceName");
            if (n != null && n.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return null;
    }

    /** The instance names listed, for error messages. */
    public List<String> instanceNames() {
        List<String> names = new ArrayList<>();
        for (Map<String, String> i : instances) {
            if (i.get("InstanceName") != null) {
                names.add(i.get("InstanceName"));
            }
        }
        return names;
    }

    /**
     * Parses a datagram.
     *
     * @throws IllegalArgumentException with a reason when it is not an SVR_RESP
     */
    public static BrowserResponse decode(byte[] datagram, int length) {
        if (length < 3 || (datagram[0] & 0xFF) != SVR_RESP) {
            throw new IllegalArgumentException(length < 1 ? "an empty datagram"
                    : String.format(Locale.ROOT, "a datagram starting 0x%02x of %d bytes, not an SVR_RESP (0x05)",
                            datagram[0] & 0xFF, length));
        }
        int size = (datagram[1] & 0xFF) | (datagram[2] & 0xFF) << 8;
        // Some Browsers count differently; read what arrived, never beyond it.
        int n = Math.min(size, length - 3);
        String data = new String(datagram, 3, n, StandardCharsets.ISO_8859_1);
        List<Map<String, String>> records = new ArrayList<>();
        for (String record : data.split(";;")) {
            String[] parts = record.split(";", -1);
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i + 1 < parts.length; i += 2) {
                if (!parts[i].isEmpty()) {
                    map.put(parts[i], parts[i + 1]);
                }
            }
            if (!map.isEmpty()) {
                records.add(map);
            }
        }
        return new BrowserResponse(records);
    }

    /** Encodes one SVR_RESP for these instance records (what a Browser sends). */
    public static byte[] encode(List<Map<String, String>> instances) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> i : instances) {
            for (Map.Entry<String, String> e : i.entrySet()) {
                sb.append(e.getKey()).append(';').append(e.getValue()).append(';');
            }
            sb.append(';');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("SVR_RESP data of " + data.length + " bytes exceeds 65535");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 3);
        out.write(SVR_RESP);
        out.write(data.length & 0xFF);
        out.write(data.length >>> 8);
        out.write(data, 0, data.length);
        return out.toByteArray();
    }

    /** A record as SQL Server's Browser writes it. */
    public static Map<String, String> record(String serverName, String instanceName, String version, int tcpPort) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ServerName", serverName);
        m.put("InstanceName", instanceName);
        m.put("IsClustered", "No");
        m.put("Version", version);
        m.put("tcp", Integer.toString(tcpPort));
        return m;
    }
}
