package io.tlscompat.core.kb;

import io.tlscompat.core.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The versioned facts the gate decides with, loaded from the JSON files next to this class
 * ({@code jdk-releases.json}, {@code jdk-cipher-suites.json}, {@code drivers.json}, {@code windows-clients.json});
 * every entry carries a {@code source}. Immutable and shared: {@link #get()}.
 */
public final class KnowledgeBase {
    /** System property naming a directory whose JSON files replace the bundled ones of the same name. */
    public static final String OVERRIDE_PROPERTY = "tls-compat.knowledgeBase";

    private static final KnowledgeBase INSTANCE = load();

    private final String version;
    private final List<JdkRelease> jdkReleases;
    private final List<DriverKnowledge> drivers;
    private final List<WindowsClient> windowsClients;
    private final List<String> schannelRefusedHashes;

    private KnowledgeBase(String version, List<JdkRelease> jdkReleases, List<DriverKnowledge> drivers,
            List<WindowsClient> windowsClients, List<String> schannelRefusedHashes) {
        this.schannelRefusedHashes = Collections.unmodifiableList(new ArrayList<>(schannelRefusedHashes));
        this.version = version;
        this.jdkReleases = Collections.unmodifiableList(jdkReleases);
        this.drivers = Collections.unmodifiableList(drivers);
        this.windowsClients = Collections.unmodifiableList(windowsClients);
    }

    /** The knowledge base shipped in this jar. */
    public static KnowledgeBase get() {
        return INSTANCE;
    }

    /** The data version (a date), reported with every result so a verdict can be traced to its facts. */
    public String version() {
        return version;
    }

    /** All releases, oldest first. */
    public List<JdkRelease> jdkReleases() {
        return jdkReleases;
    }

    /**
     * The entry for a requested release: the same feature release with the highest update at or below the
     * requested one (17.0.12 → 17 GA; 1.8.0_351 → 1.8.0_291).
     *
     * @return the entry, or null when the knowledge base has none for that feature release or update
     */
    public JdkRelease jdkRelease(JdkVersion requested) {
        JdkRelease best = null;
        for (JdkRelease r : jdkReleases) {
            if (r.version().feature() == requested.feature() && r.version().update() <= requested.update()) {
                best = r;
            }
        }
        return best;
    }

    /** The releases as text, for "valid values" messages. */
    public List<String> jdkReleaseNames() {
        List<String> names = new ArrayList<>();
        for (JdkRelease r : jdkReleases) {
            names.add(r.version().toString());
        }
        return names;
    }

    public List<DriverKnowledge> drivers() {
        return drivers;
    }

    /** The driver with this id ({@code mssql-jdbc}, {@code jtds}, …), or null. */
    public DriverKnowledge driver(String id) {
        for (DriverKnowledge d : drivers) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }

    /** The driver these Maven coordinates belong to, or null. */
    public DriverKnowledge driverFor(String groupId, String artifactId) {
        for (DriverKnowledge d : drivers) {
            if (d.matches(groupId, artifactId)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Hashes (MD5, SHA224, SHA512) whose CA-issued certificate signatures Schannel refuses in TLS 1.2: the one list
     * ({@code windows-clients.json}, {@code schannelRefusedCertificateHashesTls12}) that the evaluator, every
     * Windows client profile and the simulator read.
     */
    public List<String> schannelRefusedCertificateHashesTls12() {
        return schannelRefusedHashes;
    }

    public List<WindowsClient> windowsClients() {
        return windowsClients;
    }

    /** The Windows client profile with this id, or null. */
    public WindowsClient windowsClient(String id) {
        for (WindowsClient w : windowsClients) {
            if (w.id().equals(id)) {
                return w;
            }
        }
        return null;
    }

    /** Ids of the Windows client profiles, for "valid values" messages. */
    public List<String> windowsClientIds() {
        List<String> ids = new ArrayList<>();
        for (WindowsClient w : windowsClients) {
            ids.add(w.id());
        }
        return ids;
    }

    private static KnowledgeBase load() {
        Map<String, Object> suiteFile = read("jdk-cipher-suites.json");
        Map<String, Object> lists = object(suiteFile, "lists");
        Map<String, Object> jdkFile = read("jdk-releases.json");
        List<JdkRelease> releases = new ArrayList<>();
        for (Object o : list(jdkFile, "releases")) {
            Map<String, Object> r = asObject(o);
            String version = string(r, "version");
            JdkVersion v = JdkVersion.parse(version);
            if (v == null) {
                throw new IllegalStateException("jdk-releases.json: bad version " + version);
            }
            Map<String, Object> suites = asObject(lists.get(string(r, "suites")));
            releases.add(new JdkRelease(v, strings(r, "clientProtocols"), string(r, "tlsDisabledAlgorithms"),
                    string(r, "certpathDisabledAlgorithms"), ((Number) r.get("minDhBits")).intValue(),
                    ((Number) r.get("maxDhBits")).intValue(), strings(suites, "suites"), strings(r, "uncertain"),
                    string(r, "source")));
        }
        Collections.sort(releases, (a, b) -> a.version().compareTo(b.version()));

        List<DriverKnowledge> drivers = new ArrayList<>();
        for (Object o : list(read("drivers.json"), "drivers")) {
            Map<String, Object> d = asObject(o);
            List<DriverFact> facts = new ArrayList<>();
            for (Object f : list(d, "facts")) {
                Map<String, Object> fm = asObject(f);
                facts.add(new DriverFact(string(fm, "id"), string(fm, "since"), string(fm, "text"),
                        string(fm, "source")));
            }
            drivers.add(new DriverKnowledge(string(d, "id"), string(d, "groupId"), strings(d, "artifactIds"),
                    string(d, "tlsStack"), string(d, "source"), facts));
        }

        List<WindowsClient> windows = new ArrayList<>();
        Map<String, Object> windowsFile = read("windows-clients.json");
        List<String> schannelHashes = strings(object(windowsFile, "schannelRefusedCertificateHashesTls12"), "hashes");
        for (Object o : list(windowsFile, "profiles")) {
            Map<String, Object> w = asObject(o);
            windows.add(new WindowsClient(string(w, "id"), strings(w, "protocols"), strings(w, "suites"),
                    schannelHashes, Boolean.TRUE.equals(w.get("dheLeadingZeroFixed")), string(w, "source")));
        }
        return new KnowledgeBase(string(jdkFile, "kbVersion"), releases, drivers, windows, schannelHashes);
    }

    /**
     * The directory named by {@link #OVERRIDE_PROPERTY} when it is set: a file there replaces the bundled file of
     * the same name, so a user (or a test) can try a corrected fact before it ships. Null when not set.
     */
    public static File overrideDirectory() {
        String dir = System.getProperty(OVERRIDE_PROPERTY);
        return dir == null || dir.trim().isEmpty() ? null : new File(dir.trim());
    }

    private static Map<String, Object> read(String name) {
        File dir = overrideDirectory();
        File replacement = dir == null ? null : new File(dir, name);
        try (InputStream in = replacement != null && replacement.isFile() ? new FileInputStream(replacement)
                : KnowledgeBase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing knowledge base resource " + name);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            return Json.parseObject(new String(out.toByteArray(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read knowledge base resource " + name, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException("knowledge base: expected an object, got " + o);
        }
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> object(Map<String, Object> m, String key) {
        return asObject(m.get(key));
    }

    private static List<?> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof List ? (List<?>) v : Collections.emptyList();
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static List<String> strings(Map<String, Object> m, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(m, key)) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
