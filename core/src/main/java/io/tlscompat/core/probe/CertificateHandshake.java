package io.tlscompat.core.probe;

import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Vector;

/**
 * One real TLS 1.3 handshake with Bouncy Castle's client, only for what TLS 1.3 encrypts: the certificate and the
 * selected ALPN protocol. BC runs in non-blocking mode (offerInput/readOutput) so its records can go raw (TDS 8) or
 * inside TDS packets (TDS 7.x). It stops as soon as the certificate arrived; it never sends Finished.
 */
final class CertificateHandshake {
    private static final int MAX_BYTES = ServerFlightReader.MAX_FLIGHT_BYTES;

    private final HelloExchanger exchanger;
    private final String serverName;

    CertificateHandshake(HelloExchanger exchanger, String host) {
        this.exchanger = exchanger;
        this.serverName = HelloFactory.isIpLiteral(host) ? null : host;
    }

    /** The certificate chain (leaf first, DER) and the ALPN protocol; an empty chain when the handshake failed. */
    static final class Result {
        final List<byte[]> certificates;
        final String alpn;

        Result(List<byte[]> certificates, String alpn) {
            this.certificates = certificates;
            this.alpn = alpn;
        }
    }

    Result run() throws ProbeException {
        Socket socket = exchanger.connector().open();
        CapturingClient client = new CapturingClient(exchanger.path() == ProbePath.TDS8, serverName);
        try {
            HandshakeChannel channel = exchanger.openChannel(socket);
            if (channel == null) {
                return new Result(Collections.<byte[]>emptyList(), null);
            }
            TlsClientProtocol protocol = new TlsClientProtocol();
            protocol.connect(client);
            InputStream in = channel.in();
            byte[] buffer = new byte[8192];
            int total = 0;
            while (client.certificates == null && !protocol.isClosed()) {
                int available = protocol.getAvailableOutputBytes();
                if (available > 0) {
                    byte[] out = new byte[available];
                    protocol.readOutput(out, 0, available);
                    channel.send(out);
                }
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                total += n;
                if (total > MAX_BYTES) {
                    break;
                }
                protocol.offerInput(buffer, 0, n);
            }
        } catch (IOException e) {
            // A failed handshake leaves the certificate unknown; the enumeration already has what it needs.
        } finally {
            Connector.closeQuietly(socket);
        }
        List<byte[]> certs = client.certificates == null ? Collections.<byte[]>emptyList() : client.certificates;
        return new Result(certs, client.alpn);
    }

    /** A TLS 1.3-only client that accepts any certificate and remembers it. */
    private static final class CapturingClient extends DefaultTlsClient {
        private final boolean offerTds8;
        private final String serverName;
        volatile List<byte[]> certificates;
        volatile String alpn;

        CapturingClient(boolean offerTds8, String serverName) {
            super(new BcTlsCrypto(new SecureRandom()));
            this.offerTds8 = offerTds8;
            this.serverName = serverName;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv13.only();
        }

        @Override
        protected Vector<ProtocolName> getProtocolNames() {
            if (!offerTds8) {
                return null;
            }
            Vector<ProtocolName> names = new Vector<>();
            names.add(ProtocolName.asUtf8Encoding(ClientHello.ALPN_TDS8));
            return names;
        }

        @Override
        protected Vector<ServerName> getSNIServerNames() {
            if (serverName == null) {
                return null;
            }
            Vector<ServerName> names = new Vector<>();
            names.add(new ServerName((short) 0, serverName.getBytes(StandardCharsets.US_ASCII)));
            return names;
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    List<byte[]> chain = new ArrayList<>();
                    org.bouncycastle.tls.Certificate c = serverCertificate.getCertificate();
                    for (int i = 0; i < c.getLength(); i++) {
                        chain.add(c.getCertificateAt(i).getEncoded());
                    }
                    SecurityParameters parameters = context.getSecurityParametersHandshake();
                    ProtocolName selected = parameters == null ? null : parameters.getApplicationProtocol();
                    alpn = selected == null ? null : selected.getUtf8Decoding();
                    certificates = chain;
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                    return null;
                }
            };
        }
    }
}
