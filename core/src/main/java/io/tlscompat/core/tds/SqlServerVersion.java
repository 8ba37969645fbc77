package io.tlscompat.core.tds;

/**
 * The product version a server reports in the PRELOGIN VERSION option (major, minor, build big-endian,
 * sub-build), and the product name it stands for. This is the SQL Server version, not the TDS version.
 */
public final class SqlServerVersion {
    private final int major;
    private final int minor;
    private final int build;
    private final int subBuild;

    public SqlServerVersion(int major, int minor, int build, int subBuild) {
        this.major = major;
        this.minor = minor;
        this.build = build;
        this.subBuild = subBuild;
    }

    /** Parses {@code 13.0.5026} (optionally with a fourth sub-build part). */
    public static SqlServerVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("not a SQL Server version: '" + text + "' (expected e.g. 13.0.5026)");
        }
        try {
            return new SqlServerVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]), parts.length == 4 ? Integer.parseInt(parts[3]) : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a SQL Server version: '" + text + "' (expected e.g. 13.0.5026)");
        }
    }

    static SqlServerVersion fromPreloginBytes(byte[] v) {
        // nmap reads ">BBI2I2"; sub-build endianness is disputed and is 0 in practice.
        return new SqlServerVersion(v[0] & 0xFF, v[1] & 0xFF, ((v[2] & 0xFF) << 8) | (v[3] & 0xFF),
                ((v[4] & 0xFF) << 8) | (v[5] & 0xFF));
    }

    byte[] toPreloginBytes() {
        return new byte[] {(byte) major, (byte) minor, (byte) (build >>> 8), (byte) build, (byte) (subBuild >>> 8),
                (byte) subBuild};
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int build() {
        return build;
    }

    /**
     * The product this version belongs to, e.g. "SQL Server 2016"; "SQL Server (unknown version N.M)" otherwise.
     * Source: KB3135244 version table; nmap mssql.lua VERSION_LOOKUP_TABLE; SQL Server 2025 build list (17.0).
     */
    public String productName() {
        switch (major) {
            case 8: return "SQL Server 2000";
            case 9: return "SQL Server 2005";
            case 10: return minor >= 50 ? "SQL Server 2008 R2" : "SQL Server 2008";
            case 11: return "SQL Server 2012";
            case 12: return "SQL Server 2014";
            case 13: return "SQL Server 2016";
            case 14: return "SQL Server 2017";
            case 15: return "SQL Server 2019";
            case 16: return "SQL Server 2022";
            case 17: return "SQL Server 2025";
            default: return "SQL Server (unknown version " + major + "." + minor + ")";
        }
    }

    /** {@code major.minor.build}, as SQL Server prints it (e.g. 13.0.5026). */
    @Override
    public String toString() {
        return major + "." + minor + "." + build;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SqlServerVersion)) {
            return false;
        }
        SqlServerVersion v = (SqlServerVersion) o;
        return v.major == major && v.minor == minor && v.build == build && v.subBuild == subBuild;
    }

    @Override
    public int hashCode() {
        return ((major * 31 + minor) * 31 + build) * 31 + subBuild;
    }
}
