package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Issue 9, "a simulator that cannot be starved": idle connections hold no worker and are closed after a few
 * seconds; trickling ones lose their worker after the first-message budget; overload is one log line; a real probe
 * during an idle flood is answered.
 */
class SimulatorStarvationTest {
    private static List<Socket> connect(int port, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(10_000);
            sockets.add(s);
        }
        return sockets;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static ServerProfile probe(int port) throws Exception {
        return new TdsProbe(ProbeSettings.builder().deadlineMillis(20_000).tds8(false).build())
                .probe("127.0.0.1", port);
    }

    @Test
    void aProbeIsAnsweredDuring32And200IdleConnections() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            List<Socket> idle = connect(sim.port(), 32);
            try {
                ServerProfile p = probe(sim.port());
                assertThat(p.prelogin()).isNotNull();
                assertThat(p.tds7().protocols()).isNotEmpty();
                idle.addAll(connect(sim.port(), 168));
                ServerProfile again = probe(sim.port());
                assertThat(again.tds7().protocols()).isEqualTo(p.tds7().protocols());
            } finally {
                closeAll(idle);
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedWithinAFewSeconds() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0,
                InetAddress.getLoopbackAddress(), log::add);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
            s.setSoTimeout(Simulator.IDLE_MILLIS + 3000);
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the simulator kept an idle connection open", e);
            } catch (IOException reset) {
                read = -1;
            }
            long millis = (System.nanoTime() - start) / 1_000_000L;
            assertThat(read).isEqualTo(-1);
            assertThat(millis).isBetween(Simulator.IDLE_MILLIS - 500L, Simulator.IDLE_MILLIS + 2500L);
            assertThat(log).contains(String.format(Simulator.CLOSED_IDLE, 1, Simulator.IDLE_MILLIS / 1000));
        }
    }

    @Test
    void tricklersLoseTheirWorkerAndOverloadIsOneLogLine() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0,
                InetAddress.getLoopbackAddress(), log::add)) {
            // Each sends the first byte of a PRELOGIN and no more: it takes a worker, or a place in the queue.
            int n = Simulator.MAX_CONCURRENT_CONNECTIONS + Simulator.MAX_QUEUED_CONNECTIONS + 10;
            List<Socket> tricklers = connect(sim.port(), n);
            try {
                for (Socket s : tricklers) {
                    s.getOutputStream().write(0x12);
                    s.getOutputStream().flush();
                }
                long until = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < until && log.stream().noneMatch(l -> l.contains("refused"))) {
                    Thread.sleep(50);
                }
                assertThat(log).anyMatch(l -> l.matches("#\\d+ refused: all 16 workers are busy and 64 connections "
                        + "are queued; closing"));
                // After the first-message budget the workers are free again: a probe is answered.
                Thread.sleep(Simulator.FIRST_MESSAGE_MILLIS + 500L);
                assertThat(log).anyMatch(l -> l.endsWith("did not send a whole PRELOGIN within "
                        + Simulator.FIRST_MESSAGE_MILLIS / 1000 + " s; closing"));
            } finally {
                closeAll(tricklers);
            }
            assertThat(probe(sim.port()).tds7().protocols()).isNotEmpty();
        }
    }
}
