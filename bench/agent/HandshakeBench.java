import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The agent benchmark's JVM: full loopback TLS handshakes (no resumption) timed one by one, with the CPU time of
 * the threads that do the work. run.sh runs it with and without {@code -javaagent}, in interleaved pairs.
 *
 * <ul>
 *   <li>{@code hello}: prints {@code main_ms=} (JVM start, as {@code RuntimeMXBean} records it, to the first line of
 *       {@code main}; {@code -javaagent}'s premain runs in between) and exits.</li>
 *   <li>{@code server KEYSTORE PORTFILE}: a JSSE {@code SSLServerSocket} for the "server in another JVM" cases; writes
 *       its port to PORTFILE and serves until killed.</li>
 *   <li>{@code run KEYSTORE socket|engine TLSv1.2|TLSv1.3 EARLY WARMUP MEASURED [PORT]}: with PORT, the client only
 *       (server in another JVM); without, a JSSE server on its own thread in this JVM, so an agent sees both sides.
 *       {@code socket} is an {@code SSLSocket} client, {@code engine} a plain {@code SSLEngine} wrap/unwrap loop over
 *       a blocking socket. Prints one line of {@code key=value}: the first EARLY handshakes of this fresh JVM
 *       ("early life"), then WARMUP handshakes not measured, then MEASURED ("steady state").</li>
 * </ul>
 *
 * <p>CPU is thread CPU ({@code ThreadMXBean}): the client thread, the in-JVM server thread, and every thread whose name
 * starts with {@code tls-compat-} (the agent's writer and probe). Process CPU (GC and JIT included) is printed beside
 * it. Each window is closed only after a pause that lets the agent's writer drain what the window queued.
 */
public class HandshakeBench {
    /** The agent names its threads with this prefix (HandshakeTracker.OWN_THREAD_PREFIX). */
    static final String AGENT_THREAD_PREFIX = "tls-compat-";
    /** Time given to the agent's writer (it batches every 20 ms) to finish a window's records before CPU is read. */
    static final long DRAIN_MILLIS = 300;

    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        long mainMillis = System.currentTimeMillis();
        if (args[0].equals("hello")) {
            System.out.println("main_ms=" + (mainMillis - ManagementFactory.getRuntimeMXBean().getStartTime()));
            return;
        }
        char[] pw = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[1])) {
            ks.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        if (args[0].equals("server")) {
            SSLServerSocket ss = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 64);
            Files.write(Paths.get(args[2] + ".tmp"), String.valueOf(ss.getLocalPort()).getBytes(StandardCharsets.UTF_8));
            Files.move(Paths.get(args[2] + ".tmp"), Paths.get(args[2]));
            serve(ss);
            return;
        }
        String transport = args[2];
        String protocol = args[3];
        int early = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int measured = Integer.parseInt(args[6]);
        int port;
        long serverThread = -1;
        SSLServerSocket ss = null;
        if (args.length > 7) {
            port = Integer.parseInt(args[7]);
        } else {
            ss = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 64);
            final SSLServerSocket server = ss;
            Thread acceptor = new Thread(() -> serve(server), "bench-server");
            acceptor.setDaemon(true);
            acceptor.start();
            serverThread = acceptor.getId();
            port = ss.getLocalPort();
        }
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, new TrustManager[] {new TrustAll()}, null);
        Client c = transport.equals("engine") ? new EngineClient(client, port, protocol)
                : new SocketClient(client, port, protocol);

        Window earlyLife = new Window(early, serverThread);
        for (int i = 0; i < early; i++) {
            earlyLife.handshake(c);
        }
        earlyLife.close();
        long loadedClasses = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        for (int i = 0; i < warmup; i++) {
            c.handshake();
        }
        Window steady = new Window(measured, serverThread);
        for (int i = 0; i < measured; i++) {
            steady.handshake(c);
        }
        steady.close();
        if (ss != null) {
            ss.close();
        }
        System.out.println("early_wall_us=" + earlyLife.wallTotalMicros() + " early_cpu_us=" + earlyLife.cpuMicros()
                + " early_proc_cpu_us=" + earlyLife.processCpuMicros() + " early_agent_cpu_us=" + earlyLife.agentMicros
                + " steady_wall_median_us=" + steady.wallMedianMicros() + " steady_cpu_us=" + steady.cpuMicros() / measured
                + " steady_proc_cpu_us=" + steady.processCpuMicros() / measured
                + " steady_agent_cpu_us=" + steady.agentMicros / measured
                + " steady_alloc_bytes=" + steady.allocated / measured + " early_loaded_classes=" + loadedClasses);
    }

    /** One measured window: per-handshake wall time, and CPU of the threads that did the work, over the window. */
    static final class Window {
        private final long[] wallNanos;
        private final long serverThread;
        private int n;
        private final long cpu0;
        private final long process0;
        private final long agent0;
        private long cpu;
        private long process;
        long agentMicros;
        long allocated;

        Window(int size, long serverThread) {
            this.wallNanos = new long[size];
            this.serverThread = serverThread;
            this.cpu0 = workCpu();
            this.agent0 = agentCpu();
            this.process0 = OS.getProcessCpuTime();
        }

        void handshake(Client c) throws Exception {
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            c.handshake();
            wallNanos[n++] = System.nanoTime() - t0;
            allocated += THREADS.getCurrentThreadAllocatedBytes() - a0;
        }

        void close() throws InterruptedException {
            long cpu1 = workCpu();
            Thread.sleep(DRAIN_MILLIS);
            long agent1 = agentCpu();
            // Process CPU includes the drain pause, when an idle JVM burns next to nothing.
            long process1 = OS.getProcessCpuTime();
            agentMicros = (agent1 - agent0) / 1000;
            cpu = cpu1 - cpu0 + agent1 - agent0;
            process = process1 - process0;
        }

        /** Client thread plus the in-JVM server thread: the handshake work itself. */
        private long workCpu() {
            long t = THREADS.getCurrentThreadCpuTime();
            if (serverThread >= 0) {
                t += Math.max(0, THREADS.getThreadCpuTime(serverThread));
            }
            return t;
        }

        long wallTotalMicros() {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += wallNanos[i];
            }
            return sum / 1000;
        }

        long wallMedianMicros() {
            long[] sorted = Arrays.copyOf(wallNanos, n);
            Arrays.sort(sorted);
            return sorted[n / 2] / 1000;
        }

        long cpuMicros() {
            return cpu / 1000;
        }

        long processCpuMicros() {
            return process / 1000;
        }
    }

    /** CPU of every agent thread alive now (the writer lives as long as the agent, so none is missed). */
    static long agentCpu() {
        long sum = 0;
        long[] ids = THREADS.getAllThreadIds();
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info != null && info.getThreadName().startsWith(AGENT_THREAD_PREFIX)) {
                sum += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    static void serve(SSLServerSocket ss) {
        while (true) {
            try (SSLSocket s = (SSLSocket) ss.accept()) {
                s.setTcpNoDelay(true);
                s.setSoTimeout(10000);
                s.startHandshake();
                s.getOutputStream().write(1);
                s.getOutputStream().flush();
            } catch (Exception e) {
                if (ss.isClosed()) {
                    return;
                }
            }
        }
    }

    interface Client {
        /** One full handshake, then the server's one byte of application data, then close. */
        void handshake() throws Exception;
    }

    static final class SocketClient implements Client {
        private final SSLContext context;
        private final int port;
        private final String[] protocols;

        SocketClient(SSLContext context, int port, String protocol) {
            this.context = context;
            this.port = port;
            this.protocols = new String[] {protocol};
        }

        @Override
        public void handshake() throws Exception {
            try (SSLSocket c = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
                c.setEnabledProtocols(protocols);
                // Without this, loopback timings are dominated by delayed ACKs (40 ms), not by TLS.
                c.setTcpNoDelay(true);
                c.setSoTimeout(10000);
                c.startHandshake();
                if (c.getInputStream().read() != 1) {
                    throw new IllegalStateException("no application data");
                }
                // No resumption: every handshake is a full one, as jTDS's are.
                c.getSession().invalidate();
            }
        }
    }

    /** A plain JSSE SSLEngine client, the way Netty drives one, over a blocking socket. */
    static final class EngineClient implements Client {
        private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
        private final SSLContext context;
        private final int port;
        private final String[] protocols;

        EngineClient(SSLContext context, int port, String protocol) {
            this.context = context;
            this.port = port;
            this.protocols = new String[] {protocol};
        }

        @Override
        public void handshake() throws Exception {
            SSLEngine engine = context.createSSLEngine("localhost", port);
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(protocols);
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.setSoTimeout(10000);
                s.connect(new InetSocketAddress("localhost", port), 10000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                int packet = engine.getSession().getPacketBufferSize();
                ByteBuffer netOut = ByteBuffer.allocate(packet);
                ByteBuffer netIn = ByteBuffer.allocate(packet);
                netIn.flip();
                ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
                engine.beginHandshake();
                // Until the handshake is done and the server's one byte has arrived.
                while (app.position() == 0) {
                    SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                    if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) {
                            task.run();
                        }
                    } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        netOut.clear();
                        engine.wrap(EMPTY, netOut);
                        out.write(netOut.array(), 0, netOut.position());
                    } else {
                        SSLEngineResult r = netIn.hasRemaining() ? engine.unwrap(netIn, app) : null;
                        if (r == null || r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            netIn.compact();
                            int got = in.read(netIn.array(), netIn.position(), netIn.remaining());
                            if (got < 0) {
                                throw new IllegalStateException("server closed during the handshake");
                            }
                            netIn.position(netIn.position() + got);
                            netIn.flip();
                        } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new IllegalStateException("engine closed during the handshake");
                        }
                    }
                }
                engine.getSession().invalidate();
                engine.closeOutbound();
                netOut.clear();
                engine.wrap(EMPTY, netOut);
                out.write(netOut.array(), 0, netOut.position());
            }
        }
    }

    static final class TrustAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] c, String t) {
        }

        public void checkServerTrusted(X509Certificate[] c, String t) {
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
