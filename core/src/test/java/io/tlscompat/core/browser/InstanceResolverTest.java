package io.tlscompat.core.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlscompat.core.client.JdbcTarget;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The resolver against UDP peers on loopback: a Browser-shaped responder (answering with the SVR_RESP bytes a
 * SQL Server Browser sends), a bound socket that never answers, and a closed port.
 */
class InstanceResolverTest {
    private DatagramSocket peer;
    private Thread responder;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (responder != null) {
            responder.join(2000);
        }
    }

    /** A peer that answers CLNT_UCAST_INST only for its own instance and CLNT_UCAST_EX with its list. */
    private int browser(String instance, int tcpPort) throws Exception {
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] answer = BrowserResponse.encode(Collections.singletonList(
                BrowserResponse.record("DB1", instance, "15.0.2000.5", tcpPort)));
        responder = new Thread(() -> {
            byte[] buf = new byte[256];
            while (!peer.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    peer.receive(p);
                    int type = buf[0];
                    String name = new String(buf, 1, Math.max(0, p.getLength() - 1), StandardCharsets.ISO_8859_1)
                            .replace("\0", "");
                    requests.add(type + ":" + name);
                    if (type == 3 || (type == 4 && name.equalsIgnoreCase(instance))) {
                        peer.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        responder.start();
        return peer.getLocalPort();
    }

    @Test
    void answersTheInstancePortAndSaysWhereItCameFrom() throws Exception {
        int udp = browser("SQLEXPRESS", 49172);
        InstancePort p = new InstanceResolver(udp, 2000).resolve("127.0.0.1", "sqlexpress", Long.MAX_VALUE);
        assertThat(p.port()).isEqualTo(49172);
        assertThat(p.describe()).isEqualTo("instance SQLEXPRESS \u2192 port 49172, from the SQL Server Browser on 127.0.0.1");
        assertThat(requests).contains("4:sqlexpress");
    }

    @Test
    void anUnknownInstanceIsNamedWithWhatTheBrowserLists() throws Exception {
        int udp = browser("SQLEXPRESS", 49172);
        assertThatThrownBy(() -> new InstanceResolver(udp, 2000).resolve("127.0.0.1", "SALES", Long.MAX_VALUE))
                .isInstanceOf(BrowserException.class)
                .hasMessage(String.format(InstanceResolver.MSG_UNKNOWN_INSTANCE, "127.0.0.1", udp, "SALES",
                        "SQLEXPRESS"));
    }

    @Test
    void aSilentBrowserIsOneLineWithinTheTimeout() throws Exception {
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int udp = peer.getLocalPort();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new InstanceResolver(udp, 700).resolve("127.0.0.1", "SQLEXPRESS", Long.MAX_VALUE))
                .isInstanceOf(BrowserException.class)
                .hasMessageStartingWith("the SQL Server Browser on 127.0.0.1 (UDP " + udp
                        + ") did not answer for instance SQLEXPRESS within ")
                .hasMessageNotContaining("\n");
        long millis = (System.nanoTime() - start) / 1_000_000L;
        assertThat(millis).isBetween(600L, 1500L);
    }

    @Test
    void theCallersDeadlineWinsOverTheTimeout() throws Exception {
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int udp = peer.getLocalPort();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new InstanceResolver(udp, 10_000).resolve("127.0.0.1", "SQLEXPRESS",
                start + 300_000_000L)).isInstanceOf(BrowserException.class);
        assertThat((System.nanoTime() - start) / 1_000_000L).isLessThan(1500L);
    }

    @Test
    void aClosedPortIsReportedAsNoBrowser() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int udp = s.getLocalPort();
        s.close();
        assertThatThrownBy(() -> new InstanceResolver(udp, 2000).resolve("127.0.0.1", "SQLEXPRESS", Long.MAX_VALUE))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("(UDP " + udp + ")")
                .hasMessageContaining("SQLEXPRESS");
    }

    @Test
    void theDriversRuleDecidesWhetherTheBrowserIsAsked() throws Exception {
        int udp = browser("SQLEXPRESS", 49172);
        InstanceResolver r = new InstanceResolver(udp, 2000);
        // mssql-jdbc: an explicit port wins; without one the Browser's port is used.
        JdbcTarget withPort = JdbcTarget.parse("jdbc:sqlserver://127.0.0.1\\SQLEXPRESS:1500", "x");
        assertThat(r.resolve(withPort, Long.MAX_VALUE).port()).isEqualTo(1500);
        JdbcTarget byName = r.resolve(JdbcTarget.parse("jdbc:sqlserver://127.0.0.1;instanceName=SQLEXPRESS", "x"),
                Long.MAX_VALUE);
        assertThat(byName.address()).isEqualTo("127.0.0.1:49172");
        assertThat(byName.portSource()).contains("port 49172");
        // jTDS: the instance wins over the URL's port.
        JdbcTarget jtds = r.resolve(JdbcTarget.parse("jdbc:jtds:sqlserver://127.0.0.1:1500;instance=SQLEXPRESS",
                "x"), Long.MAX_VALUE);
        assertThat(jtds.port()).isEqualTo(49172);
        assertThat(r.resolve(JdbcTarget.parse("jdbc:sqlserver://127.0.0.1:1500", "x"), Long.MAX_VALUE).portSource())
                .isNull();
    }

    @Test
    void svrRespRoundTrips() {
        List<Map<String, String>> two = Arrays.asList(BrowserResponse.record("DB1", "MSSQLSERVER", "15.0", 1433),
                BrowserResponse.record("DB1", "SQLEXPRESS", "15.0", 49172));
        byte[] bytes = BrowserResponse.encode(two);
        assertThat(bytes[0]).isEqualTo((byte) 0x05);
        assertThat((bytes[1] & 0xFF) | (bytes[2] & 0xFF) << 8).isEqualTo(bytes.length - 3);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.ISO_8859_1)).startsWith(
                "ServerName;DB1;InstanceName;MSSQLSERVER;IsClustered;No;Version;15.0;tcp;1433;;ServerName;DB1;");
        BrowserResponse r = BrowserResponse.decode(bytes, bytes.length);
        assertThat(r.instanceNames()).containsExactly("MSSQLSERVER", "SQLEXPRESS");
        assertThat(r.instance("sqlexpress").get("tcp")).isEqualTo("49172");
        assertThatThrownBy(() -> BrowserResponse.decode(new byte[] {0x12, 0, 0}, 3))
                .hasMessageContaining("not an SVR_RESP");
    }
}
