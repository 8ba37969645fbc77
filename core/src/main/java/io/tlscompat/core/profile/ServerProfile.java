package io.tlscompat.core.profile;

import io.tlscompat.core.json.Json;
import io.tlscompat.core.json.JsonException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a probe learned about one SQL Server endpoint's TLS, immutable, and round-tripping through JSON (the
 * {@code probe --json} output is exactly {@link #toJson()}; the mojo reads a saved one in offline mode).
 */
public final class ServerProfile {
    private final String target;
    private final int connections;
    private final long elapsedMillis;
    private final PreloginInfo prelogin;
    private final PathProfile tds7;
    private final PathProfile tds8;
    private final CertificateInfo certificate;
    private final List<CertificateInfo> certificateChain;
    private final Integer dheGroupBits;
    private final List<String> ecdheGroups;
    private final String rejection;
    private final List<ProfileNote> notes;

    private ServerProfile(Builder b) {
        this.target = b.target;
        this.connections = b.connections;
        this.elapsedMillis = b.elapsedMillis;
        this.prelogin = b.prelogin;
        this.tds7 = b.tds7 == null ? PathProfile.unsupported() : b.tds7;
        this.tds8 = b.tds8 == null ? PathProfile.unsupported() : b.tds8;
        this.certificate = b.certificate;
        this.certificateChain = Collections.unmodifiableList(new ArrayList<>(b.certificateChain));
        this.dheGroupBits = b.dheGroupBits;
        this.ecdheGroups = Collections.unmodifiableList(new ArrayList<>(b.ecdheGroups));
        this.rejection = b.rejection;
        this.notes = Collections.unmodifiableList(new ArrayList<>(b.notes));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** "host:port". */
    public String target() {
        return target;
    }

    /** TCP connections the probe opened. */
    public int connections() {
        return connections;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }

    /** The PRELOGIN answer; null when the server only speaks TDS 8. */
    public PreloginInfo prelogin() {
        return prelogin;
    }

    public PathProfile tds7() {
        return tds7;
    }

    public PathProfile tds8() {
        return tds8;
    }

    /**
     * The chain the server sent, leaf first, each entry with its base64 DER ({@link CertificateInfo#der()}); empty
     * when no handshake got that far or the profile was saved before the chain was recorded.
     */
    public List<CertificateInfo> certificateChain() {
        return certificateChain;
    }

    /** The server's leaf certificate, or null when no handshake got that far. */
    public CertificateInfo certificate() {
        return certificate;
    }

    /** The DHE group size in bits when a DHE suite is accepted, else null. */
    public Integer dheGroupBits() {
        return dheGroupBits;
    }

    /** Named groups the server accepted for ECDHE (e.g. secp256r1, x25519). */
    public List<String> ecdheGroups() {
        return ecdheGroups;
    }

    /** How the server rejects a hello it dislikes: "reset", "close", "alert:&lt;name&gt;", or null if never seen. */
    public String rejection() {
        return rejection;
    }

    /** What the server sent that the probe could not read, each with the reason; empty when all was readable. */
    public List<ProfileNote> notes() {
        return notes;
    }

    /** The JSON tree of the {@code probe --json} contract. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("connections", connections);
        m.put("elapsedMillis", elapsedMillis);
        m.put("prelogin", prelogin == null ? null : prelogin.toJson());
        m.put("tds7", tds7.toJson(false));
        m.put("tds8", tds8.toJson(true));
        m.put("certificate", certificate == null ? null : certificate.toJson());
        List<Object> chain = new ArrayList<>();
        for (CertificateInfo c : certificateChain) {
            chain.add(c.toJson());
        }
        m.put("certificateChain", chain);
        Map<String, Object> dhe = null;
        if (dheGroupBits != null) {
            dhe = new LinkedHashMap<>();
            dhe.put("groupBits", dheGroupBits);
        }
        m.put("dhe", dhe);
        m.put("ecdheGroups", ecdheGroups);
        m.put("rejection", rejection);
        List<Object> noteList = new ArrayList<>();
        for (ProfileNote n : notes) {
            noteList.add(n.toJson());
        }
        m.put("notes", noteList);
        return m;
    }

    /** Pretty JSON text of {@link #toJson()}. */
    public String toJsonText() {
        return Json.writePretty(toJson());
    }

    /**
     * Reads a profile written by {@link #toJsonText()}.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not a server profile
     */
    public static ServerProfile fromJsonText(String text) {
        try {
            return fromJson(Json.parseObject(text));
        } catch (JsonException e) {
            throw new IllegalArgumentException("not a server profile: " + e.getMessage());
        }
    }

    /** Reads a profile from a parsed JSON tree. */
    public static ServerProfile fromJson(Map<String, Object> m) {
        Builder b = builder()
                .target(JsonFields.string(m, "target"))
                .connections((int) JsonFields.number(m, "connections"))
                .elapsedMillis(JsonFields.number(m, "elapsedMillis"))
                .prelogin(PreloginInfo.fromJson(JsonFields.object(m, "prelogin")))
                .tds7(PathProfile.fromJson(JsonFields.object(m, "tds7")))
                .tds8(PathProfile.fromJson(JsonFields.object(m, "tds8")))
                .certificate(CertificateInfo.fromJson(JsonFields.object(m, "certificate")))
                .certificateChain(CertificateInfo.listFromJson(m.get("certificateChain")))
                .ecdheGroups(JsonFields.strings(m, "ecdheGroups"))
                .rejection(JsonFields.string(m, "rejection"));
        Map<String, Object> dhe = JsonFields.object(m, "dhe");
        if (dhe != null) {
            b.dheGroupBits(JsonFields.optionalInt(dhe, "groupBits"));
        }
        for (Map<String, Object> n : JsonFields.objects(m, "notes")) {
            b.note(ProfileNote.fromJson(n));
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerProfile && ((ServerProfile) o).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return Json.write(toJson());
    }

    /** Collects a profile's parts; {@link #build()} makes the immutable profile. */
    public static final class Builder {
        private String target;
        private int connections;
        private long elapsedMillis;
        private PreloginInfo prelogin;
        private PathProfile tds7;
        private PathProfile tds8;
        private CertificateInfo certificate;
        private List<CertificateInfo> certificateChain = new ArrayList<>();
        private Integer dheGroupBits;
        private List<String> ecdheGroups = new ArrayList<>();
        private String rejection;
        private final List<ProfileNote> notes = new ArrayList<>();

        private Builder() {
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        public Builder elapsedMillis(long elapsedMillis) {
            this.elapsedMillis = elapsedMillis;
            return this;
        }

        public Builder prelogin(PreloginInfo prelogin) {
            this.prelogin = prelogin;
            return this;
        }

        public Builder tds7(PathProfile tds7) {
            this.tds7 = tds7;
            return this;
        }

        public Builder tds8(PathProfile tds8) {
            this.tds8 = tds8;
            return this;
        }

        /** The chain the server sent, leaf first. */
        public Builder certificateChain(List<CertificateInfo> chain) {
            this.certificateChain = new ArrayList<>(chain);
            return this;
        }

        public Builder certificate(CertificateInfo certificate) {
            this.certificate = certificate;
            return this;
        }

        public Builder dheGroupBits(Integer dheGroupBits) {
            this.dheGroupBits = dheGroupBits;
            return this;
        }

        public Builder ecdheGroups(List<String> ecdheGroups) {
            this.ecdheGroups = new ArrayList<>(ecdheGroups);
            return this;
        }

        public Builder rejection(String rejection) {
            this.rejection = rejection;
            return this;
        }

        /** Adds one note (see {@link ServerProfile#notes()}). */
        public Builder note(ProfileNote note) {
            this.notes.add(note);
            return this;
        }

        public ServerProfile build() {
            return new ServerProfile(this);
        }
    }
}
