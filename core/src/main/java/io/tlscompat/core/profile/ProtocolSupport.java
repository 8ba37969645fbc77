package io.tlscompat.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a server accepts for one protocol version on one path: its cipher suites and whether it imposes its order. */
public final class ProtocolSupport {
    private final List<String> cipherSuites;
    private final boolean serverOrder;

    /**
     * @param cipherSuites accepted suites (IANA names); in the server's preference order when {@code serverOrder}
     * @param serverOrder  true when the server picks by its own order rather than the client's
     */
    public ProtocolSupport(List<String> cipherSuites, boolean serverOrder) {
        this.cipherSuites = Collections.unmodifiableList(new ArrayList<>(cipherSuites));
        this.serverOrder = serverOrder;
    }

    public List<String> cipherSuites() {
        return cipherSuites;
    }

    public boolean serverOrder() {
        return serverOrder;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cipherSuites", cipherSuites);
        m.put("serverOrder", serverOrder);
        return m;
    }

    static ProtocolSupport fromJson(Map<String, Object> m) {
        return new ProtocolSupport(JsonFields.strings(m, "cipherSuites"), JsonFields.bool(m, "serverOrder"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolSupport && ((ProtocolSupport) o).cipherSuites.equals(cipherSuites)
                && ((ProtocolSupport) o).serverOrder == serverOrder;
    }

    @Override
    public int hashCode() {
        return cipherSuites.hashCode() * 2 + (serverOrder ? 1 : 0);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
