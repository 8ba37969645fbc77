package io.tlscompat.it.agent;

import io.r2dbc.mssql.MssqlConnectionConfiguration;
import io.r2dbc.mssql.MssqlConnectionFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import reactor.core.publisher.Mono;

/**
 * A real r2dbc-mssql application: connects {@code REPEAT} times to {@code localhost:PORT} and prints one
 * {@code outcome=...} line per attempt, then the agent's counters ({@link AgentCounters}). The simulator accepts TLS
 * and refuses the login, so "login failed" means the handshake worked. The password is a marker the tests look for.
 *
 * <p>Arguments: {@code PORT SSL(true|false) TRUST_SERVER_CERTIFICATE(true|false) REPEAT [jdk-suites]}. Netty offers
 * its own short list of suites (no DHE); {@code jdk-suites} has it offer the JDK's defaults instead, through
 * r2dbc-mssql's {@code sslContextBuilderCustomizer}, as an application that must reach a DHE-only server does.
 */
public final class R2dbcClientMain {
    private R2dbcClientMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        MssqlConnectionConfiguration.Builder b = MssqlConnectionConfiguration.builder().host("localhost").port(port)
                .username("sa").password("not-a-secret").database("master").connectTimeout(Duration.ofSeconds(10))
                .trustServerCertificate(Boolean.parseBoolean(args[2]));
        if (args.length > 4 && "jdk-suites".equals(args[4])) {
            List<String> suites = Arrays.asList(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
            b.sslContextBuilderCustomizer(builder -> builder.ciphers(suites));
        }
        if (Boolean.parseBoolean(args[1])) {
            b.enableSsl();
        }
        MssqlConnectionFactory factory = new MssqlConnectionFactory(b.build());
        int repeat = Integer.parseInt(args[3]);
        for (int i = 0; i < repeat; i++) {
            try {
                Mono.from(factory.create()).flatMap(c -> Mono.from(c.close())).block(Duration.ofSeconds(30));
                System.out.println("outcome=connected");
            } catch (Throwable t) {
                System.out.println("outcome=failed " + AgentCounters.chain(t));
            }
        }
        System.out.println(AgentCounters.await(repeat));
        System.exit(0);
    }
}
