import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The agent benchmark's client: loopback TLS handshakes against a JDK TLS server in the same JVM (server on its
 * own thread), measured one by one. Run by run.sh with and without -javaagent in the same run.
 *
 * <p>{@code java HandshakeBench.java KEYSTORE WARMUP MEASURED [TLSv1.2|TLSv1.3]} prints one line:
 * {@code median_us=.. p90_us=.. alloc_bytes_per_handshake=..}. {@code java HandshakeBench.java hello} exits at once
 * (for start-up time).
 */
public class HandshakeBench {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("hello")) {
            return;
        }
        char[] pw = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            ks.load(in, pw);
        }
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        String protocol = args.length > 3 ? args[3] : "TLSv1.3";
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 64);
        Thread acceptor = new Thread(() -> {
            while (true) {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setTcpNoDelay(true);
                    s.startHandshake();
                    s.getOutputStream().write(1);
                } catch (Exception e) {
                    if (ss.isClosed()) {
                        return;
                    }
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        TrustManager[] trustAll = {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String t) {
            }

            public void checkServerTrusted(X509Certificate[] c, String t) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trustAll, null);
        // No session resumption (each session is invalidated): every handshake is a full one, as jTDS's are.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] micros = new long[measured];
        long allocated = 0;
        for (int i = 0; i < warmup + measured; i++) {
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            try (SSLSocket c = (SSLSocket) client.getSocketFactory().createSocket("localhost", ss.getLocalPort())) {
                c.setEnabledProtocols(new String[] {protocol});
                // Without this, loopback timings are dominated by delayed ACKs (40 ms), not by TLS.
                c.setTcpNoDelay(true);
                c.setSoTimeout(10000);
                c.startHandshake();
                c.getInputStream().read();
                c.getSession().invalidate();
            }
            long t1 = System.nanoTime();
            long a1 = threads.getCurrentThreadAllocatedBytes();
            if (i >= warmup) {
                micros[i - warmup] = (t1 - t0) / 1000;
                allocated += a1 - a0;
            }
        }
        ss.close();
        Arrays.sort(micros);
        System.out.println("median_us=" + micros[measured / 2] + " p90_us=" + micros[measured * 9 / 10]
                + " alloc_bytes_per_handshake=" + allocated / measured);
    }
}
