package io.tlscompat.it.agent;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real {@code java.net.http} application (the JDK's SSLEngine client): one GET per argument round, printing
 * {@code outcome=...}, then the agent's counters. Arguments: {@code URL CERT_PEM|- REPEAT}; with a PEM file only
 * that certificate is trusted, with {@code -} the JDK's default trust store.
 */
public final class HttpClientMain {
    private HttpClientMain() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1);
        if (!"-".equals(args[1])) {
            b.sslContext(trusting(Path.of(args[1])));
        }
        HttpClient client = b.build();
        int repeat = Integer.parseInt(args[2]);
        for (int i = 0; i < repeat; i++) {
            try {
                // s_server -www answers and keeps the connection: the status line is all this needs.
                HttpResponse<Void> r = client.sendAsync(HttpRequest.newBuilder(URI.create(args[0]))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                        .get(15, TimeUnit.SECONDS);
                System.out.println("outcome=status " + r.statusCode());
            } catch (Throwable t) {
                System.out.println("outcome=failed " + AgentCounters.chain(t));
            }
        }
        System.out.println(AgentCounters.await(repeat));
        System.exit(0);
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            ks.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
