package io.tlscompat.it.agent;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Forked by {@link AgentHostileConditionsIT}: THREADS threads make EACH handshakes at once (run it with the agent's
 * {@code queue=1}, so most records are dropped), then reads the agent's MBean and prints
 * {@code ok=N failed=M jmx attempts=.. ok=.. failures=.. dropped=.. written=..}. Usage:
 * {@code CountingUnderOverloadMain KEYSTORE.p12 THREADS EACH}.
 */
public final class CountingUnderOverloadMain {
    private CountingUnderOverloadMain() {
    }

    public static void main(String[] args) throws Exception {
        SSLServerSocket ss = ConcurrentHandshakesMain.startServer(args[0]);
        SSLContext client = ConcurrentHandshakesMain.trustingClient();
        String result = ConcurrentHandshakesMain.handshakes(client, ss.getLocalPort(), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("tlscompat:type=Handshakes");
        long end = System.currentTimeMillis() + 10000;
        // The writer registers the MBean with the first record it takes; the counters are already complete.
        while (!server.isRegistered(name) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        System.out.println(result + " jmx attempts=" + server.getAttribute(name, "Attempts") + " ok="
                + server.getAttribute(name, "Ok") + " failures=" + server.getAttribute(name, "Failures")
                + " dropped=" + server.getAttribute(name, "DroppedRecords") + " written="
                + server.getAttribute(name, "RecordsWritten"));
        ss.close();
    }
}
