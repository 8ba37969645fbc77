package io.tlscompat.simulator;

import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.TlsVersion;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The parsed command line of {@link SimulatorMain}: a profile with overrides, and how to run it. */
final class SimulatorCommandLine {
    static final String USAGE = String.join("\n",
            "Usage: java -jar tls-compat-simulator.jar [--profile NAME] [--port N] [options]",
            "  --list                      list the profiles and exit",
            "  --profile NAME              server to simulate (default sql2019-win2019)",
            "  --from-probe FILE           replay a real server: the JSON written by 'probe --json'",
            "  --port N                    TCP port (default 1433; 0 = any free port, printed)",
            "  --bind ADDRESS              listen address (default 127.0.0.1; 0.0.0.0 for all interfaces)",
            "  --instance NAME             answer the SQL Server Browser protocol (UDP) for this named instance",
            "  --browser-port N            the Browser's UDP port (default 1434, where drivers ask; 0 = any, printed)",
            "  --protocols LIST            TLS versions of TDS 7.x, e.g. TLSv1.2 or TLSv1,TLSv1.1,TLSv1.2",
            "  --cipher-suites LIST        IANA suite names in server preference order",
            "  --client-order              let the client's suite order win (Schannel: server order)",
            "  --cert-signature HASH       MD5, SHA1, SHA224, SHA256, SHA384 or SHA512",
            "  --serve-weak-cert           serve an MD5/SHA224/SHA512 certificate on TLS 1.2 instead of resetting",
            "  --cert-cn NAME              certificate subject CN (default SSL_Self_Signed_Fallback)",
            "  --cert-issuer NAME          issue the certificate from a stand-in CA with this CN (default: self-signed)",
            "  --cert-sans LIST            certificate subject alternative names (DNS or IP), e.g. db01.corp,10.0.0.5",
            "  --key-size BITS             RSA key size of the certificate (default 2048)",
            "  --expired-cert              serve a certificate that expired yesterday",
            "  --encryption LEVEL          OFF, ON, NOT_SUP or REQ (PRELOGIN answer; OFF = SQL Server default)",
            "  --product-version V         PRELOGIN version, e.g. 13.0.5026",
            "  --rejection HOW             reset (Schannel), alert or close",
            "  --dhe-bug MODE              never, intermittent (KB4557473) or always",
            "  --dhe-bits N                DHE group size: 1024, 2048, 3072 or 4096",
            "  --groups LIST               ECDHE groups in priority order, e.g. x25519,secp256r1,secp384r1",
            "  --strict [MODE]             on (default: TDS 8 with TLS 1.3/1.2 beside TDS 7.x), off, or force (TDS 8 only)",
            "  --relay HOST:PORT           relay the TLS handshake to an external TLS server",
            "  --relay-reset               turn a backend alert/close during the relayed handshake into a reset",
            "  --verbose                   print one line per connection event",
            "  --exit-after SECONDS        stop after this many seconds",
            "  --ready-file PATH           write the bound port to PATH once listening");

    boolean list;
    boolean help;
    boolean verbose;
    int port = 1433;
    InetAddress bind = InetAddress.getLoopbackAddress();
    long exitAfterSeconds = -1;
    Path readyFile;
    /** The named instance the Browser answers for, or null (no Browser). */
    String instance;
    /** The Browser's UDP port. */
    int browserPort = 1434;
    private boolean browserPortGiven;
    SimulatorProfile profile;
    /** What a --from-probe replay leaves out, printed after the banner. */
    List<String> notes = new ArrayList<>();

    private SimulatorCommandLine() {
    }

    /**
     * @throws UsageException with one line naming the bad argument and what is expected
     */
    static SimulatorCommandLine parse(String[] args) throws UsageException {
        SimulatorCommandLine c = new SimulatorCommandLine();
        String profileName = "sql2019-win2019";
        Path fromProbe = null;
        List<String[]> overrides = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--list":
                    c.list = true;
                    break;
                case "--help":
                case "-h":
                    c.help = true;
                    break;
                case "--verbose":
                    c.verbose = true;
                    break;
                case "--client-order":
                case "--serve-weak-cert":
                case "--relay-reset":
                case "--expired-cert":
                    overrides.add(new String[] {a, null});
                    break;
                case "--strict":
                    // The mode is optional: a bare --strict means "on".
                    boolean hasMode = i + 1 < args.length && !args[i + 1].startsWith("--");
                    overrides.add(new String[] {a, hasMode ? args[++i] : "on"});
                    break;
                case "--profile":
                    profileName = value(args, ++i, a);
                    break;
                case "--from-probe":
                    fromProbe = Paths.get(value(args, ++i, a));
                    break;
                case "--port":
                    c.port = intValue(value(args, i + 1, a), a, 0, 65535);
                    i++;
                    break;
                case "--bind":
                    c.bind = address(value(args, ++i, a));
                    break;
                case "--instance":
                    c.instance = instanceName(value(args, ++i, a));
                    break;
                case "--browser-port":
                    c.browserPort = intValue(value(args, i + 1, a), a, 0, 65535);
                    c.browserPortGiven = true;
                    i++;
                    break;
                case "--exit-after":
                    c.exitAfterSeconds = intValue(value(args, i + 1, a), a, 1, Integer.MAX_VALUE);
                    i++;
                    break;
                case "--ready-file":
                    c.readyFile = Paths.get(value(args, ++i, a));
                    break;
                case "--protocols":
                case "--cipher-suites":
                case "--cert-signature":
                case "--encryption":
                case "--product-version":
                case "--rejection":
                case "--dhe-bug":
                case "--dhe-bits":
                case "--groups":
                case "--cert-cn":
                case "--cert-issuer":
                case "--cert-sans":
                case "--key-size":
                case "--relay":
                    overrides.add(new String[] {a, value(args, ++i, a)});
                    break;
                default:
                    throw new UsageException("unknown argument '" + a + "'; run with --help for the options");
            }
        }
        if (c.list || c.help) {
            return c;
        }
        if (c.browserPortGiven && c.instance == null) {
            throw new UsageException("--browser-port needs --instance NAME: the Browser answers for a named instance");
        }
        SimulatorProfile base;
        try {
            if (fromProbe != null) {
                ProbeReplay replay = ProbeReplay.of(readProbe(fromProbe), "replay");
                base = replay.profile();
                c.notes.addAll(replay.notes());
            } else {
                base = SimulatorProfiles.named(profileName);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SimulatorProfile.Builder b = base.toBuilder();
        for (String[] o : overrides) {
            apply(b, o[0], o[1]);
        }
        try {
            c.profile = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return c;
    }

    private static void apply(SimulatorProfile.Builder b, String option, String v) throws UsageException {
        try {
            switch (option) {
                case "--client-order":
                    b.serverOrder(false);
                    break;
                case "--serve-weak-cert":
                    b.schannelRejectsWeakCertificate(false);
                    break;
                case "--relay-reset":
                    b.relayResetOnBackendFailure(true);
                    break;
                case "--expired-cert":
                    b.expiredCertificate();
                    break;
                case "--cert-cn":
                    b.certSubjectCn(v);
                    break;
                case "--cert-issuer":
                    b.certIssuerCn(v);
                    break;
                case "--cert-sans":
                    b.certSans(v.split(","));
                    break;
                case "--key-size":
                    b.keySize(intValue(v, option, 512, 8192));
                    break;
                case "--protocols":
                    b.protocols(versions(v, option));
                    break;
                case "--cipher-suites":
                    b.cipherSuites(v.split(","));
                    break;
                case "--cert-signature":
                    CertificateSignature sig = CertificateSignature.fromText(v);
                    if (sig == null) {
                        throw new UsageException("--cert-signature '" + v
                                + "' is not one of MD5, SHA1, SHA224, SHA256, SHA384, SHA512");
                    }
                    b.certSignature(sig);
                    break;
                case "--encryption":
                    b.encryption(enumValue(EncryptionLevel.class, v, option));
                    break;
                case "--product-version":
                    b.productVersion(v);
                    break;
                case "--rejection":
                    b.rejection(enumValue(Rejection.class, v, option));
                    break;
                case "--dhe-bug":
                    b.dheBug(enumValue(DheBug.class, v, option));
                    break;
                case "--dhe-bits":
                    b.dheGroupBits(intValue(v, option, 0, 8192));
                    break;
                case "--groups":
                    b.namedGroups(v.split(","));
                    break;
                case "--strict":
                    strict(b, v);
                    break;
                case "--relay":
                    relay(b, v);
                    break;
                default:
                    throw new IllegalStateException(option);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** Instance names are 1 to 16 characters for SQL Server; the Browser protocol carries at most 32 bytes. */
    private static String instanceName(String v) throws UsageException {
        if (v.isEmpty() || v.length() > 16 || !v.matches("[A-Za-z_][A-Za-z0-9_$#]*")) {
            throw new UsageException("--instance '" + v + "' is not an instance name (1 to 16 letters, digits, _ $ #,"
                    + " starting with a letter or _), e.g. SQLEXPRESS");
        }
        return v;
    }

    private static ServerProfile readProbe(Path file) throws UsageException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--from-probe " + file + " cannot be read (" + e.getMessage()
                    + "); write it with 'probe --json'");
        }
        try {
            return ServerProfile.fromJsonText(text);
        } catch (RuntimeException e) {
            throw new UsageException("--from-probe " + file + " is not 'probe --json' output: " + e.getMessage());
        }
    }

    private static void strict(SimulatorProfile.Builder b, String v) throws UsageException {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "off":
                b.forceStrict(false).strict();
                break;
            case "on":
                b.forceStrict(false).strict(TlsVersion.TLSv1_3, TlsVersion.TLSv1_2);
                break;
            case "force":
                b.strict(TlsVersion.TLSv1_3, TlsVersion.TLSv1_2).forceStrict(true);
                break;
            default:
                throw new UsageException("--strict '" + v + "' is not one of off, on, force");
        }
    }

    private static void relay(SimulatorProfile.Builder b, String v) throws UsageException {
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new UsageException("--relay '" + v + "' is not HOST:PORT (e.g. localhost:4433)");
        }
        b.relayTo(v.substring(0, colon), intValue(v.substring(colon + 1), "--relay port", 1, 65535));
    }

    private static List<TlsVersion> versions(String v, String option) throws UsageException {
        List<TlsVersion> list = new ArrayList<>();
        for (String name : v.split(",")) {
            TlsVersion t = TlsVersion.fromJdkName(name.trim());
            if (t == null) {
                throw new UsageException(option + " '" + name.trim()
                        + "' is not a TLS version; use TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3");
            }
            list.add(t);
        }
        return list;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v, String option) throws UsageException {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim().replace('-', '_'))) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new UsageException(option + " '" + v + "' is not one of " + String.join(", ", names));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value; run with --help for the options");
        }
        return args[i];
    }

    private static int intValue(String v, String option, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " '" + v + "' is not a number in " + min + ".." + max);
        }
    }

    private static InetAddress address(String v) throws UsageException {
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind '" + v + "' is not an address of this machine");
        }
    }
}
