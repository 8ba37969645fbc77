package io.tlscompat.simulator;

import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * Test adapter with mssql-jdbc's ProxySocket behaviour: the JDK's SSLSocket is layered over it; during the
 * handshake its records are buffered and sent as one TDS PRELOGIN (0x12) message when the client next reads (so
 * ClientKeyExchange + ChangeCipherSpec + Finished travel together), and incoming TDS packets are unwrapped; after
 * {@link #switchToRaw()} bytes pass straight through.
 */
final class TdsWrappingSocket extends Socket {
    private final Socket tcp;
    private final InputStream tcpIn;
    private final OutputStream tcpOut;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile boolean raw;
    private byte[] packet = new byte[0];
    private int packetPos;
    private int nextPacketId = 1;

    TdsWrappingSocket(Socket tcp) throws IOException {
        this.tcp = tcp;
        this.tcpIn = tcp.getInputStream();
        this.tcpOut = tcp.getOutputStream();
    }

    /** Called once the handshake is done: from now on TLS records go raw on TCP. */
    void switchToRaw() {
        raw = true;
    }

    private synchronized void flushPending() throws IOException {
        if (pending.size() > 0) {
            nextPacketId = TdsMessages.write(tcpOut, TdsPacketType.PRELOGIN, pending.toByteArray(), 4096,
                    nextPacketId);
            pending.reset();
        }
    }

    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (raw) {
                return tcpIn.read(b, off, len);
            }
            flushPending();
            while (packetPos == packet.length) {
                TdsPacket p = TdsPacket.read(tcpIn);
                if (p == null) {
                    return -1;
                }
                packet = p.payload();
                packetPos = 0;
            }
            int n = Math.min(len, packet.length - packetPos);
            System.arraycopy(packet, packetPos, b, off, n);
            packetPos += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return raw ? tcpIn.available() : packet.length - packetPos;
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (raw) {
                tcpOut.write(b, off, len);
            } else {
                synchronized (TdsWrappingSocket.this) {
                    pending.write(b, off, len);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (raw) {
                tcpOut.flush();
            }
            // During the handshake flush is ignored, as mssql-jdbc's SSLHandshakeOutputStream does.
        }
    };

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public boolean isConnected() {
        return tcp.isConnected();
    }

    @Override
    public boolean isClosed() {
        return tcp.isClosed();
    }

    @Override
    public synchronized void close() throws IOException {
        tcp.close();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        tcp.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return tcp.getSoTimeout();
    }

    @Override
    public InetAddress getInetAddress() {
        return tcp.getInetAddress();
    }

    @Override
    public int getPort() {
        return tcp.getPort();
    }

    @Override
    public InetAddress getLocalAddress() {
        return tcp.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return tcp.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return tcp.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return tcp.getLocalSocketAddress();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        tcp.setTcpNoDelay(on);
    }

    @Override
    public void shutdownInput() throws IOException {
        tcp.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        tcp.shutdownOutput();
    }

    static void readFully(InputStream in, byte[] b) throws IOException {
        int done = 0;
        while (done < b.length) {
            int n = in.read(b, done, b.length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
    }
}
