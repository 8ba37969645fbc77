package io.tlscompat.it.agent;

import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.mssqlclient.MSSQLConnectOptions;
import io.vertx.mssqlclient.MSSQLConnection;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;

/**
 * A real vertx-mssql-client 5 application: connects {@code REPEAT} times to {@code localhost:PORT} and prints one
 * {@code outcome=...} line per attempt, then the agent's counters ({@link AgentCounters}). The simulator accepts TLS
 * and refuses the login, so "login failed" means the handshake worked. The password is a marker the tests look for.
 * It runs on its own class path (Netty 4.2, see it/pom.xml {@code vertx-app}).
 *
 * <p>Arguments: {@code PORT SSL(true|false) TRUST_ALL(true|false) REPEAT [PROTOCOLS [SUITES]]}. vert.x has no
 * {@code trustServerCertificate} option: {@code ClientSSLOptions.setTrustAll} is its equivalent, and without it the
 * JDK's default trust store decides. vert.x sets the engine's protocols itself (TLSv1.2 and TLSv1.3 by default), so
 * {@code jdk.tls.client.protocols} does not narrow them: {@code PROTOCOLS} (comma-separated, {@code -} for the
 * default) does, through {@code setEnabledSecureTransportProtocols}; {@code SUITES} likewise sets the suites.
 */
public final class VertxClientMain {
    private VertxClientMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ClientSSLOptions ssl = new ClientSSLOptions().setTrustAll(Boolean.parseBoolean(args[2]));
        if (args.length > 4 && !"-".equals(args[4])) {
            ssl.setEnabledSecureTransportProtocols(new LinkedHashSet<>(Arrays.asList(args[4].split(","))));
        }
        if (args.length > 5 && !"-".equals(args[5])) {
            Arrays.stream(args[5].split(",")).forEach(ssl::addEnabledCipherSuite);
        }
        MSSQLConnectOptions options = new MSSQLConnectOptions().setHost("localhost").setPort(port).setUser("sa")
                .setPassword("not-a-secret").setDatabase("master").setSsl(Boolean.parseBoolean(args[1]))
                .setSslOptions(ssl);
        int repeat = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx();
        for (int i = 0; i < repeat; i++) {
            try {
                MSSQLConnection c = MSSQLConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                c.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                System.out.println("outcome=connected");
            } catch (Throwable t) {
                System.out.println("outcome=failed " + AgentCounters.chain(t));
            }
        }
        System.out.println(AgentCounters.await(repeat));
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }
}
