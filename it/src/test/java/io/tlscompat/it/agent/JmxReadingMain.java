package io.tlscompat.it.agent;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Forked by {@link AgentRulesIT}: makes handshakes, then reads the agent's MBean the way jconsole would (platform
 * MBean server, by name) and prints {@code jmx attempts=.. written=.. ok=.. server=.. lastProtocol=.. lastCipherSuite=..}.
 * Usage: {@code JmxReadingMain KEYSTORE.p12}.
 */
public final class JmxReadingMain {
    private JmxReadingMain() {
    }

    public static void main(String[] args) throws Exception {
        ConcurrentHandshakesMain.main(new String[] {args[0], "2", "3"});
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("tlscompat:type=Handshakes");
        long end = System.currentTimeMillis() + 10000;
        // The writer thread registers the MBean and counts asynchronously: wait until it has seen all six.
        while (System.currentTimeMillis() < end
                && !(server.isRegistered(name) && (Long) server.getAttribute(name, "Attempts") == 6L
                        && (Long) server.getAttribute(name, "RecordsWritten") == 6L)) {
            Thread.sleep(20);
        }
        CompositeData[] servers = (CompositeData[]) server.getAttribute(name, "Servers");
        System.out.println("jmx attempts=" + server.getAttribute(name, "Attempts") + " written="
                + server.getAttribute(name, "RecordsWritten") + " ok="
                + server.getAttribute(name, "Ok") + " server=" + servers[0].get("server") + " lastProtocol="
                + servers[0].get("lastProtocol") + " lastCipherSuite=" + servers[0].get("lastCipherSuite"));
    }
}
