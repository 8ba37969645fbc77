package io.tlscompat.agent.record;

import io.tlscompat.agent.security.Privileged;
import java.lang.reflect.Field;
import java.security.PrivilegedAction;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * Reads the connection behind an mssql-jdbc {@code TDSChannel} by reflection: {@code con} (all versions 6.4 to
 * 13.x), its {@code clientConnectionId}, {@code serverMajorVersion} (set by PRELOGIN before TLS starts) and the
 * {@code encrypt}/{@code trustServerCertificate} entries of {@code activeConnectionProperties}. Only those two
 * property keys are read: the same map holds the password. Anything missing becomes null, never an exception.
 */
public final class JdbcContextReader {
    static final String DRIVER = "mssql-jdbc";
    private final Map<Class<?>, String> versions = new WeakHashMap<Class<?>, String>();

    static final String JTDS = "jTDS";

    /**
     * @param tdsChannel mssql-jdbc's TDSChannel, or jTDS's SharedSocket
     * @param sslMode jTDS only: the {@code ssl} property (request, require, authenticate)
     */
    public JdbcContext read(final Object tdsChannel, final String sslMode, final boolean tds8) {
        // Privileged: reflection on the driver runs on the application's thread, under its SecurityManager if any.
        return Privileged.run(new PrivilegedAction<JdbcContext>() {
            @Override
            public JdbcContext run() {
                return readNow(tdsChannel, sslMode, tds8);
            }
        });
    }

    private JdbcContext readNow(Object tdsChannel, String sslMode, boolean tds8) {
        if (tdsChannel == null) {
            return null;
        }
        if (tdsChannel.getClass().getName().startsWith("net.sourceforge.jtds.")) {
            return readJtds(tdsChannel, sslMode);
        }
        return fromConnection(field(tdsChannel, "con"), tdsChannel.getClass(), tds8);
    }

    /** For a failure in PRELOGIN: the connection itself; TDS 8 when {@code encrypt=strict}. */
    public JdbcContext readConnection(final Object connection) {
        return Privileged.run(new PrivilegedAction<JdbcContext>() {
            @Override
            public JdbcContext run() {
                return readConnectionNow(connection);
            }
        });
    }

    private JdbcContext readConnectionNow(Object connection) {
        if (connection == null) {
            return null;
        }
        Object props = field(connection, "activeConnectionProperties");
        boolean strict = props instanceof Properties
                && "strict".equalsIgnoreCase(((Properties) props).getProperty("encrypt"));
        return fromConnection(connection, connection.getClass(), strict);
    }

    private JdbcContext fromConnection(Object con, Class<?> driverClass, boolean tds8) {
        String id = null;
        String encrypt = null;
        String trust = null;
        Integer serverMajor = null;
        if (con != null) {
            Object uuid = field(con, "clientConnectionId");
            id = uuid == null ? null : uuid.toString();
            Object props = field(con, "activeConnectionProperties");
            if (props instanceof Properties) {
                encrypt = ((Properties) props).getProperty("encrypt");
                trust = ((Properties) props).getProperty("trustServerCertificate");
            }
            Object major = field(con, "serverMajorVersion");
            serverMajor = major instanceof Integer && ((Integer) major) > 0 ? (Integer) major : null;
        }
        return new JdbcContext(DRIVER, driverVersion(driverClass), id, encrypt, trust, tds8, serverMajor);
    }

    /** For a jTDS failure in PRELOGIN: the context of {@code TdsCore}'s {@code SharedSocket}, with its peer. */
    public JdbcContext readJtdsCore(final Object tdsCore, final String sslMode) {
        return Privileged.run(new PrivilegedAction<JdbcContext>() {
            @Override
            public JdbcContext run() {
                Object shared = tdsCore == null ? null : field(tdsCore, "socket");
                return shared == null ? null : readJtds(shared, sslMode);
            }
        });
    }

    private JdbcContext readJtds(Object sharedSocket, String sslMode) {
        JdbcContext c = new JdbcContext(JTDS, driverVersion(sharedSocket.getClass()), null, "ssl=" + sslMode, null,
                false, null);
        Object socket = field(sharedSocket, "socket");
        if (socket instanceof java.net.Socket && ((java.net.Socket) socket).getInetAddress() != null) {
            java.net.Socket s = (java.net.Socket) socket;
            Object host = field(sharedSocket, "host");
            c.peer(host instanceof String ? (String) host : s.getInetAddress().getHostAddress(), s.getPort());
        }
        return c;
    }

    static final String R2DBC = "r2dbc-mssql";

    /**
     * r2dbc-mssql's context from its {@code SslHandlerFactory}: {@code configuration} (a {@code ClientConfiguration})
     * and, of that, only the {@code ssl} and {@code trustServerCertificate} fields (the same object holds the trust
     * store password). r2dbc-mssql 1.0.x speaks TDS 7.x only: TLS inside PRELOGIN packets.
     */
    public JdbcContext readR2dbc(final Object sslHandlerFactory) {
        return Privileged.run(new PrivilegedAction<JdbcContext>() {
            @Override
            public JdbcContext run() {
                if (sslHandlerFactory == null) {
                    return null;
                }
                Object config = field(sslHandlerFactory, "configuration");
                Object ssl = config == null ? null : field(config, "ssl");
                Object trust = config == null ? null : field(config, "trustServerCertificate");
                Package p = sslHandlerFactory.getClass().getPackage();
                return new JdbcContext(R2DBC, p == null ? null : p.getImplementationVersion(), null,
                        ssl == null ? null : "ssl=" + ssl, trust == null ? null : String.valueOf(trust), false, null);
            }
        });
    }

    static final String VERTX = "vertx-mssql-client";
    /** PRELOGIN ENCRYPT_OFF and ENCRYPT_ON (MS-TDS 2.2.6.5). */
    static final byte ENCRYPT_OFF = 0;
    static final byte ENCRYPT_ON = 1;

    /**
     * vertx-mssql-client's context from the server's PRELOGIN encryption level and the package of its
     * {@code handler} (the version). vert.x sends ENCRYPT_ON for {@code ssl=true} and ENCRYPT_OFF otherwise; the
     * server answers ON, OFF (TLS for the login only) or REQ. REQ leaves the client's switch unknown, and its
     * trust setting ({@code ClientSSLOptions.trustAll}) is not reachable from this hook: both then stay out.
     * vertx-mssql-client 5 speaks TDS 7.x only.
     */
    public JdbcContext readVertx(Object handler, byte encryptionLevel) {
        Package p = handler == null ? null : handler.getClass().getPackage();
        String ssl = encryptionLevel == ENCRYPT_ON ? "ssl=true" : encryptionLevel == ENCRYPT_OFF ? "ssl=false" : null;
        return new JdbcContext(VERTX, p == null ? null : p.getImplementationVersion(), null, ssl, null, false, null);
    }

    /**
     * The JSSE engine inside a Netty {@code SslHandler}: {@code engine()}, unwrapped from Netty's ALPN wrappers
     * ({@code JdkSslEngine.getWrappedEngine()}); null when it cannot be read.
     */
    public Object engineOf(final Object sslHandler) {
        return Privileged.run(new PrivilegedAction<Object>() {
            @Override
            public Object run() {
                Object engine = call(sslHandler, "engine");
                Object inner = engine == null ? null : call(engine, "getWrappedEngine");
                return inner != null ? inner : engine;
            }
        });
    }

    private static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (Throwable t) {
            return null;
        }
    }

    private String driverVersion(Class<?> channelClass) {
        synchronized (versions) {
            String v = versions.get(channelClass);
            if (v == null) {
                v = readVersion(channelClass);
                versions.put(channelClass, v);
            }
            return v;
        }
    }

    /** SQLJdbcVersion has major/minor/patch/build (6.x–12.x) or MAJOR/MINOR/PATCH/BUILD (13.x). */
    private static String readVersion(Class<?> channelClass) {
        if (channelClass.getName().startsWith("net.sourceforge.jtds.")) {
            try {
                Class<?> d = Class.forName("net.sourceforge.jtds.jdbc.Driver", false, channelClass.getClassLoader());
                Field misc = d.getDeclaredField("MISC_VERSION");
                misc.setAccessible(true);
                return intField(d, "MAJOR_VERSION") + "." + intField(d, "MINOR_VERSION") + misc.get(null);
            } catch (Throwable t) {
                return null;
            }
        }
        try {
            Class<?> c = Class.forName("com.microsoft.sqlserver.jdbc.SQLJdbcVersion", false,
                    channelClass.getClassLoader());
            return intField(c, "major") + "." + intField(c, "minor") + "." + intField(c, "patch") + "."
                    + intField(c, "build");
        } catch (Throwable t) {
            Package p = channelClass.getPackage();
            return p == null ? null : p.getImplementationVersion();
        }
    }

    private static int intField(Class<?> c, String name) throws Exception {
        Field f;
        try {
            f = c.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            f = c.getDeclaredField(name.toUpperCase(java.util.Locale.ROOT));
        }
        f.setAccessible(true);
        return f.getInt(null);
    }

    private static Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (Throwable t) {
                return null;
            }
        }
        return null;
    }
}
