package io.tlscompat.agent.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.record.Records;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/** Reads the MBean the way jconsole or a JMX exporter does: through the platform MBean server. */
class HandshakesTest {
    @Test
    void countersPerServerAreVisibleOverJmx() throws Exception {
        HandshakeStats stats = new HandshakeStats();
        stats.count(Records.ok("db1", 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        stats.count(Records.failed("db1", 1433, io.tlscompat.agent.record.Outcome.RESET,
                io.tlscompat.agent.record.Phase.CLIENT_HELLO_SENT, null,
                new java.net.SocketException("Connection reset"), "TLSv1.2"));
        Handshakes mbean = new Handshakes(stats, null, server -> 0.25);
        assertThat(mbean.register()).isTrue();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(Handshakes.OBJECT_NAME);
            assertThat(server.getAttribute(name, "Attempts")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "Failures")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Resets")).isEqualTo(1L);
            CompositeData[] servers = (CompositeData[]) server.getAttribute(name, "Servers");
            assertThat(servers).hasSize(1);
            assertThat(servers[0].get("server")).isEqualTo("db1:1433");
            assertThat(servers[0].get("ok")).isEqualTo(1L);
            assertThat(servers[0].get("lastProtocol")).isEqualTo("TLSv1.2");
            assertThat(servers[0].get("lastCipherSuite")).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(servers[0].get("dheFailureRate")).isEqualTo(0.25);
            assertThat(mbean.register()).as("a second agent does not take the name").isFalse();
        } finally {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(Handshakes.OBJECT_NAME));
        }
    }

    @Test
    void eachServerGetsItsOwnMBeanOnceWithPlainAttributes() throws Exception {
        HandshakeStats stats = new HandshakeStats();
        stats.count(Records.ok("db1", 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        stats.count(Records.ok("db1", 1433, "TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        Handshakes mbean = new Handshakes(stats, null, server -> 0.5);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("tlscompat:type=Server,server=\"db1:1433\"");
        try {
            mbean.serverSeen("db1:1433");
            mbean.serverSeen("db1:1433");
            assertThat(server.queryNames(new ObjectName("tlscompat:type=Server,*"), null)).containsExactly(name);
            assertThat(server.getAttribute(name, "Server")).isEqualTo("db1:1433");
            assertThat(server.getAttribute(name, "Attempts")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "Ok")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "Failures")).isEqualTo(0L);
            assertThat(server.getAttribute(name, "LastProtocol")).isEqualTo("TLSv1.3");
            assertThat(server.getAttribute(name, "DheFailureRate")).isEqualTo(0.5);
            stats.count(Records.ok("db1", 1433, "TLSv1.3", "TLS_AES_128_GCM_SHA256"));
            assertThat(server.getAttribute(name, "Attempts")).as("read live, not a copy").isEqualTo(3L);
            mbean.serverSeen(null);
        } finally {
            server.unregisterMBean(name);
        }
    }
}
