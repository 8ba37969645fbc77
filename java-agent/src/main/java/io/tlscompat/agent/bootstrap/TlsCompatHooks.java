package io.tlscompat.agent.bootstrap;

/**
 * The static methods that instrumented JDK and driver classes call. Injected into the bootstrap class path with
 * {@code Instrumentation.appendToBootstrapClassLoaderSearch}, because {@code sun.security.ssl} classes are loaded by
 * the boot loader and can only link against classes it can see. Java 8 API only.
 *
 * <p>Every method swallows every {@code Throwable}: a hook must never change what the handshake does. Failures of
 * the sink are only counted.
 */
public final class TlsCompatHooks {
    /** Owner name used by the bytecode that calls these methods. */
    public static final String INTERNAL_NAME = "io/tlscompat/agent/bootstrap/TlsCompatHooks";

    private static volatile HookSink sink;
    private static volatile long sinkFailures;

    private TlsCompatHooks() {
    }

    /**
     * Hands the agent's implementation over. Typed as {@code Object} so the agent can call this reflectively
     * without linking against the boot copy from the wrong loader; anything that is not a {@link HookSink} is ignored.
     *
     * @return true when the sink was installed
     */
    public static boolean install(Object newSink) {
        if (newSink instanceof HookSink) {
            sink = (HookSink) newSink;
            return true;
        }
        return false;
    }

    /** Detaches the sink; hooks become no-ops (the bytecode stays, which is cheap). */
    public static void uninstall() {
        sink = null;
    }

    /** How many times the sink threw (it should not; the count makes a bug visible without breaking TLS). */
    public static long sinkFailures() {
        return sinkFailures;
    }

    /** True when this class was loaded by the boot loader, i.e. JDK classes can call it. */
    public static boolean isOnBootstrap() {
        return TlsCompatHooks.class.getClassLoader() == null;
    }

    public static void handshakeEnter(Object socket, String peerHost, int peerPort) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.handshakeEnter(socket, peerHost, peerPort);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    public static void handshakeExit(Object socket) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.handshakeExit(socket);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** Argument order matches the stack in the injected handler: the exception is already there. */
    public static void handshakeFailed(Throwable failure, Object socket) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.handshakeFailed(socket, failure);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** Called with the buffer and offset of an outgoing handshake message; the first byte is its type. */
    public static void messageSent(byte[] buffer, int offset) {
        HookSink s = sink;
        if (s != null) {
            try {
                if (buffer != null && offset >= 0 && offset < buffer.length) {
                    s.messageSent(buffer[offset] & 0xFF);
                }
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    public static void messageReceived(byte type, Object body) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.messageReceived(type & 0xFF, body);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    public static void jdbcEnter(Object tdsChannel, String host, int port, boolean tds8) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.jdbcEnter(tdsChannel, host, port, tds8);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** Argument order matches the stack in the injected handler: the exception is already there. */
    public static void preloginFailed(Throwable failure, Object connection, String host, int port) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.preloginFailed(connection, host, port, failure);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    public static void jtdsNegotiationEnter() {
        HookSink s = sink;
        if (s != null) {
            try {
                s.jtdsNegotiationEnter();
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** Argument order matches the stack in the injected handler: the exception is already there. */
    public static void jtdsNegotiationFailed(Throwable failure, Object tdsCore, String sslMode) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.jtdsNegotiationFailed(tdsCore, sslMode, failure);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    public static void jdbcExit() {
        HookSink s = sink;
        if (s != null) {
            try {
                s.jdbcExit();
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** {@code TransportContext.kickstart()} entered: both transports; the sink follows engines only. */
    public static void engineStart(Object transport, Object connection, boolean negotiated) {
        HookSink s = sink;
        if (s != null && !negotiated) {
            try {
                s.engineStart(transport, connection);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** {@code SSLEngineOutputRecord.encodeHandshake}: the record is the connection key, the first byte the type. */
    public static void engineMessageSent(Object connection, byte[] buffer, int offset) {
        HookSink s = sink;
        if (s != null) {
            try {
                if (buffer != null && offset >= 0 && offset < buffer.length) {
                    s.engineMessageSent(connection, buffer[offset] & 0xFF);
                }
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** {@code HandshakeContext.dispatch}, with the connection key of its transport. */
    public static void engineMessageReceived(Object connection, byte type, Object body) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.engineMessageReceived(connection, type & 0xFF, body);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** {@code TransportContext.finishHandshake()} is returning: the session is in place. */
    public static void engineFinished(Object connection) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.engineFinished(connection);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** {@code TransportContext.fatal} is throwing; argument order matches the stack in the injected handler. */
    public static void engineFailed(Throwable failure, Object connection) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.engineFailed(connection, failure);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** {@code SSLEngineImpl.closeInbound()} entered: the TCP connection ended (Netty, java.net.http). */
    public static void engineInboundClosed(Object connection) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.engineInboundClosed(connection);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** r2dbc-mssql's {@code SslHandlerFactory.createSslHandler} returns {@code sslHandler}. */
    public static void driverHandler(Object sslHandler, Object factory) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.driverHandler(sslHandler, factory);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /**
     * vertx-mssql-client made {@code handler} (its {@code TdsLoginSentCompletionHandler}) for {@code sslHandler};
     * {@code encryptionLevel} is the server's PRELOGIN answer.
     */
    public static void vertxHandler(Object sslHandler, Object handler, byte encryptionLevel) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.vertxHandler(sslHandler, handler, encryptionLevel);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** A Netty {@code SslHandler} is being made around {@code engine}. */
    public static void nettyEngine(Object engine) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.nettyEngine(engine);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }

    /** java.net.http's TLS flow over {@code engine} ended or failed with {@code cause} (null: end of stream). */
    public static void engineFlowEnded(Object engine, Throwable cause) {
        HookSink s = sink;
        if (s != null) {
            try {
                s.engineFlowEnded(engine, cause);
            } catch (Throwable t) {
                sinkFailures++;
            }
        }
    }
}
