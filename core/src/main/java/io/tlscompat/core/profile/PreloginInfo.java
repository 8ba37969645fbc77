package io.tlscompat.core.profile;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the server's PRELOGIN response said: product version and name, ENCRYPTION, instance option. */
public final class PreloginInfo {
    private final SqlServerVersion version;
    private final EncryptionLevel encryption;
    private final String instance;

    public PreloginInfo(SqlServerVersion version, EncryptionLevel encryption, String instance) {
        this.version = version;
        this.encryption = encryption;
        this.instance = instance;
    }

    /** The product version (e.g. 13.0.5026), or null when the server sent none. */
    public SqlServerVersion version() {
        return version;
    }

    /** The product name for the version, e.g. "SQL Server 2016"; null without a version. */
    public String product() {
        return version == null ? null : version.productName();
    }

    public EncryptionLevel encryption() {
        return encryption;
    }

    /** The INSTOPT text, or null. */
    public String instance() {
        return instance;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version == null ? null : version.toString());
        m.put("product", product());
        m.put("encryption", encryption == null ? null : encryption.name());
        m.put("instance", instance);
        return m;
    }

    static PreloginInfo fromJson(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        String v = JsonFields.string(m, "version");
        String e = JsonFields.string(m, "encryption");
        EncryptionLevel level = null;
        if (e != null) {
            try {
                level = EncryptionLevel.valueOf(e);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("unknown encryption '" + e
                        + "' in server profile (expected OFF, ON, NOT_SUP or REQ)");
            }
        }
        return new PreloginInfo(v == null ? null : SqlServerVersion.parse(v), level, JsonFields.string(m, "instance"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreloginInfo && ((PreloginInfo) o).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }
}
