package io.tlscompat.agent.instrument;

/**
 * The exact classes and methods the agent hooks. Verified with javap on the class files of OpenJDK 17.0.15 and
 * Temurin 25 (and by HandshakeTransformerTest on both). JDK 8u261+, 11 and 21 carry the same post-rewrite JSSE
 * (SSLSocketImpl.startHandshake(boolean), getPeerHost/getPeerPort, HandshakeContext.dispatch, SSLSocketOutputRecord
 * .encodeHandshake) by their sources, but no such JDK was available to run here. The pre-8u261 JSSE also has
 * startHandshake(boolean) but none of the others: {@link HandshakeTransformer} refuses it.
 */
public final class HookTargets {
    /** {@code private void startHandshake(boolean)}: explicit and implicit (first read/write) handshakes pass here. */
    public static final String SSL_SOCKET_IMPL = "sun/security/ssl/SSLSocketImpl";
    static final String START_HANDSHAKE = "startHandshake";
    static final String START_HANDSHAKE_DESC = "(Z)V";
    /** {@code public String getPeerHost()} / {@code public int getPeerPort()} on SSLSocketImpl (17, 25). */
    static final String GET_PEER_HOST = "getPeerHost";
    static final String GET_PEER_PORT = "getPeerPort";

    /** {@code void encodeHandshake(byte[], int, int)}: every outgoing handshake message of an SSLSocket. */
    public static final String SOCKET_OUTPUT_RECORD = "sun/security/ssl/SSLSocketOutputRecord";
    static final String ENCODE_HANDSHAKE = "encodeHandshake";
    static final String ENCODE_HANDSHAKE_DESC = "([BII)V";

    /** {@code void dispatch(byte, ByteBuffer)}: every incoming handshake message, body positioned after the header. */
    public static final String HANDSHAKE_CONTEXT = "sun/security/ssl/HandshakeContext";
    static final String DISPATCH = "dispatch";
    static final String DISPATCH_DESC = "(BLjava/nio/ByteBuffer;)V";

    /**
     * mssql-jdbc: {@code void enableSSL(String host, int port, ...)}; 6.4: (String,int); 9.4: (String,int,String,
     * String,String); 11.2+ up to 13.x: (String,int,String,String,String,boolean isTDS8).
     */
    public static final String TDS_CHANNEL = "com/microsoft/sqlserver/jdbc/TDSChannel";
    static final String ENABLE_SSL = "enableSSL";
    static final String ENABLE_SSL_DESC_PREFIX = "(Ljava/lang/String;I";

    /**
     * mssql-jdbc: {@code void Prelogin(String host, int port)} (6.4, 9.4) renamed {@code prelogin} (12.x, 13.x), on
     * {@code SQLServerConnection}; only its exceptional exit is hooked.
     */
    public static final String SQL_SERVER_CONNECTION = "com/microsoft/sqlserver/jdbc/SQLServerConnection";
    static final String PRELOGIN = "prelogin";
    static final String PRELOGIN_DESC = "(Ljava/lang/String;I)V";

    /**
     * jTDS 1.3.1: {@code void SharedSocket.enableEncryption(String ssl)}; jTDS hands JSSE port 0, so the context
     * (read from the TCP socket it wraps) also supplies the peer's address.
     */
    public static final String JTDS_SHARED_SOCKET = "net/sourceforge/jtds/jdbc/SharedSocket";
    static final String ENABLE_ENCRYPTION = "enableEncryption";
    static final String ENABLE_ENCRYPTION_DESC = "(Ljava/lang/String;)V";

    /**
     * jTDS 1.3.1: {@code void TdsCore.negotiateSSL(String instance, String ssl)}, the PRELOGIN exchange; it calls
     * {@code SharedSocket.enableEncryption} for the TLS handshake. Entry and exceptional exit are hooked, so a failure
     * before TLS (encryption refused, a strict-only server dropping the PRELOGIN) gets a record too.
     */
    public static final String JTDS_TDS_CORE = "net/sourceforge/jtds/jdbc/TdsCore";
    static final String NEGOTIATE_SSL = "negotiateSSL";
    static final String NEGOTIATE_SSL_DESC = "(Ljava/lang/String;Ljava/lang/String;)V";

    /*
     * SSLEngine. An engine's handshake is spread over many wrap/unwrap calls and delegated tasks, on any thread, so
     * its state is keyed by the connection's OutputRecord (TransportContext.outputRecord): the one object every hook
     * below can reach, including SSLEngineOutputRecord.encodeHandshake, which has no reference back to its engine.
     * Verified with javap on OpenJDK 17.0.15 and Temurin 25 (same members, same descriptors).
     */

    /** {@code TransportContext}: shared by both transports; only engines are followed through it. */
    public static final String TRANSPORT_CONTEXT = "sun/security/ssl/TransportContext";
    /** {@code void kickstart()}: entered on every wrap until negotiated (and by startHandshake). */
    static final String KICKSTART = "kickstart";
    static final String KICKSTART_DESC = "()V";
    /** {@code HandshakeStatus finishHandshake()}: the session is in place when it returns. */
    static final String FINISH_HANDSHAKE = "finishHandshake";
    static final String FINISH_HANDSHAKE_DESC = "()Ljavax/net/ssl/SSLEngineResult$HandshakeStatus;";
    /** {@code SSLException fatal(Alert, String, boolean, Throwable)}: every fatal path ends here, always by a throw. */
    static final String FATAL = "fatal";
    static final String FATAL_DESC = "(Lsun/security/ssl/Alert;Ljava/lang/String;ZLjava/lang/Throwable;)"
            + "Ljavax/net/ssl/SSLException;";
    /** {@code final SSLTransport transport}, {@code final OutputRecord outputRecord}, {@code boolean isNegotiated}. */
    static final String FIELD_TRANSPORT = "transport";
    static final String FIELD_TRANSPORT_DESC = "Lsun/security/ssl/SSLTransport;";
    static final String FIELD_OUTPUT_RECORD = "outputRecord";
    static final String FIELD_OUTPUT_RECORD_DESC = "Lsun/security/ssl/OutputRecord;";
    static final String FIELD_NEGOTIATED = "isNegotiated";

    /** {@code public void closeInbound()}: Netty and java.net.http call it when the TCP connection ends. */
    public static final String SSL_ENGINE_IMPL = "sun/security/ssl/SSLEngineImpl";
    static final String CLOSE_INBOUND = "closeInbound";
    static final String CLOSE_INBOUND_DESC = "()V";
    /** {@code final TransportContext conContext} on SSLEngineImpl and HandshakeContext. */
    static final String FIELD_CON_CONTEXT = "conContext";
    static final String FIELD_CON_CONTEXT_DESC = "Lsun/security/ssl/TransportContext;";

    /** {@code void encodeHandshake(byte[], int, int)}: every outgoing handshake message of an SSLEngine. */
    public static final String ENGINE_OUTPUT_RECORD = "sun/security/ssl/SSLEngineOutputRecord";

    /**
     * r2dbc-mssql: {@code SslHandler createSslHandler(ByteBufAllocator)} on {@code SslHandlerFactory} (1.0.7.RELEASE):
     * its exit hands over the new handler (whose engine is about to handshake) and the factory, which holds the
     * connection's {@code ClientConfiguration}.
     */
    public static final String R2DBC_SSL_HANDLER_FACTORY = "io/r2dbc/mssql/client/ssl/SslHandlerFactory";
    static final String CREATE_SSL_HANDLER = "createSslHandler";
    static final String CREATE_SSL_HANDLER_DESC = "(Lio/netty/buffer/ByteBufAllocator;)Lio/netty/handler/ssl/SslHandler;";

    /**
     * vertx-mssql-client: {@code TdsLoginSentCompletionHandler(SslHandler, byte)} (5.0.7), made in
     * {@code MSSQLSocketConnection.enableSsl} with the new handler, before it joins the pipeline (so before its engine
     * handshakes), and the encryption level the server answered in PRELOGIN. Hooked at its exit, where {@code this}
     * (a vertx-mssql-client class: its package names the version) may be read.
     */
    public static final String VERTX_LOGIN_SENT_HANDLER = "io/vertx/mssqlclient/impl/codec/TdsLoginSentCompletionHandler";
    static final String VERTX_LOGIN_SENT_HANDLER_INIT_DESC = "(Lio/netty/handler/ssl/SslHandler;B)V";

    /**
     * Netty: {@code SslHandler(SSLEngine, boolean, Executor)}, the constructor the others delegate to (4.1.94,
     * 4.1.112): its engine argument tells a JSSE engine from one that bypasses JSSE (netty-tcnative, BCJSSE).
     */
    public static final String NETTY_SSL_HANDLER = "io/netty/handler/ssl/SslHandler";
    static final String CONSTRUCTOR = "<init>";
    static final String NETTY_SSL_HANDLER_INIT_DESC = "(Ljavax/net/ssl/SSLEngine;ZLjava/util/concurrent/Executor;)V";

    /**
     * java.net.http: {@code Throwable checkForHandshake(Throwable)} on {@code jdk.internal.net.http.common.SSLTube}
     * (17, 25), called when the TCP flow ends or fails; after a reset mid-handshake it is the only sign, as the client
     * drops its engine without closing it. Its {@code private final SSLEngine engine} names the connection.
     */
    public static final String HTTP_SSL_TUBE = "jdk/internal/net/http/common/SSLTube";
    static final String CHECK_FOR_HANDSHAKE = "checkForHandshake";
    static final String CHECK_FOR_HANDSHAKE_DESC = "(Ljava/lang/Throwable;)Ljava/lang/Throwable;";
    static final String FIELD_ENGINE = "engine";
    static final String FIELD_ENGINE_DESC = "Ljavax/net/ssl/SSLEngine;";

    /** Binary names of the JDK classes to retransform when attaching late. */
    public static final String[] JDK_CLASSES = {
        "sun.security.ssl.SSLSocketImpl", "sun.security.ssl.SSLSocketOutputRecord", "sun.security.ssl.HandshakeContext",
        "sun.security.ssl.TransportContext", "sun.security.ssl.SSLEngineImpl", "sun.security.ssl.SSLEngineOutputRecord",
        "jdk.internal.net.http.common.SSLTube"
    };

    private HookTargets() {
    }
}
