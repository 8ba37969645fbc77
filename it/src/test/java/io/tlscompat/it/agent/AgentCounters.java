package io.tlscompat.it.agent;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** What a forked application prints about the agent's MBeans, for the tests to parse. */
final class AgentCounters {
    private AgentCounters() {
    }

    /** The exception chain on one line. */
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; t != null && i < 8; i++, t = t.getCause()) {
            sb.append(i == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return sb.toString().replace('\n', ' ');
    }

    /**
     * Waits up to 10 s for the agent to have written {@code expected} records, then returns
     * {@code mbean written=N server=host:port attempts=A ok=O resets=R failures=F} for every server MBean.
     */
    static String await(long expected) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName handshakes = new ObjectName("tlscompat:type=Handshakes");
        long written = -1;
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            written = server.isRegistered(handshakes) ? (Long) server.getAttribute(handshakes, "RecordsWritten") : -1;
            if (written >= expected) {
                break;
            }
            Thread.sleep(20);
        }
        StringBuilder sb = new StringBuilder("mbean written=" + written);
        Set<ObjectName> servers = server.queryNames(new ObjectName("tlscompat:type=Server,*"), null);
        for (ObjectName n : servers) {
            sb.append("\nmbean server=").append(server.getAttribute(n, "Server"))
                    .append(" attempts=").append(server.getAttribute(n, "Attempts"))
                    .append(" ok=").append(server.getAttribute(n, "Ok"))
                    .append(" resets=").append(server.getAttribute(n, "Resets"))
                    .append(" failures=").append(server.getAttribute(n, "Failures"));
        }
        return sb.toString();
    }
}
