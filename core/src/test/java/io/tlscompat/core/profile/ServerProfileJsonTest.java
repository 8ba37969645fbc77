package io.tlscompat.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlscompat.core.json.Json;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.TlsVersion;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerProfileJsonTest {
    static ServerProfile sample() {
        Map<TlsVersion, ProtocolSupport> tds7 = new EnumMap<>(TlsVersion.class);
        tds7.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), false));
        tds7.put(TlsVersion.TLSv1_2, new ProtocolSupport(Arrays.asList("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"), true));
        Map<TlsVersion, ProtocolSupport> tds8 = new EnumMap<>(TlsVersion.class);
        tds8.put(TlsVersion.TLSv1_3, new ProtocolSupport(Arrays.asList("TLS_AES_256_GCM_SHA384"), true));
        return ServerProfile.builder()
                .target("db1:1433")
                .connections(42)
                .elapsedMillis(812)
                .prelogin(new PreloginInfo(SqlServerVersion.parse("16.0.4135"), EncryptionLevel.OFF, "MSSQLSERVER"))
                .tds7(new PathProfile(true, tds7, null))
                .tds8(new PathProfile(true, tds8, "tds/8.0"))
                .certificate(new CertificateInfo("CN=db1", "CN=db1", Arrays.asList("db1", "10.0.0.5"), "SHA1withRSA",
                        "RSA", 2048, "2025-01-01T00:00:00Z", "2035-01-01T00:00:00Z", true, "ab12"))
                .dheGroupBits(1024)
                .ecdheGroups(Arrays.asList("secp256r1", "secp384r1"))
                .rejection("reset")
                .note(new ProfileNote("The server sent a certificate that cannot be parsed, so no certificate is shown",
                        "DER length points outside the certificate"))
                .build();
    }

    @Test
    void roundTripsThroughJsonText() {
        ServerProfile p = sample();
        ServerProfile back = ServerProfile.fromJsonText(p.toJsonText());
        assertThat(back).isEqualTo(p);
        assertThat(back.tds7().protocols().get(TlsVersion.TLSv1_2).serverOrder()).isTrue();
        assertThat(back.prelogin().product()).isEqualTo("SQL Server 2022");
    }

    @Test
    void jsonHasTheContractKeys() {
        Map<String, Object> json = Json.parseObject(sample().toJsonText());
        assertThat(json).containsOnlyKeys("target", "connections", "elapsedMillis", "prelogin", "tds7", "tds8",
                "certificate", "certificateChain", "dhe", "ecdheGroups", "rejection", "notes");
        @SuppressWarnings("unchecked")
        Map<String, Object> tds8 = (Map<String, Object>) json.get("tds8");
        assertThat(tds8).containsEntry("alpn", "tds/8.0").containsKeys("supported", "protocols");
        @SuppressWarnings("unchecked")
        Map<String, Object> tds7 = (Map<String, Object>) json.get("tds7");
        assertThat(tds7).doesNotContainKey("alpn");
    }

    @Test
    void notesRoundTripAndAProfileSavedBeforeNotesReadsAsNone() {
        ServerProfile back = ServerProfile.fromJsonText(sample().toJsonText());
        assertThat(back.notes()).containsExactly(new ProfileNote(
                "The server sent a certificate that cannot be parsed, so no certificate is shown",
                "DER length points outside the certificate"));
        Map<String, Object> json = Json.parseObject(sample().toJsonText());
        assertThat(json.get("notes")).asList().hasSize(1).first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("message", "parseError");
        json.remove("notes");
        assertThat(ServerProfile.fromJson(json).notes()).isEmpty();
    }

    @Test
    void forceStrictProfileWithoutPreloginRoundTrips() {
        ServerProfile p = ServerProfile.builder().target("db2:1433").tds7(PathProfile.unsupported())
                .tds8(new PathProfile(true, Collections.<TlsVersion, ProtocolSupport>emptyMap(), null)).build();
        ServerProfile back = ServerProfile.fromJsonText(p.toJsonText());
        assertThat(back.prelogin()).isNull();
        assertThat(back.certificate()).isNull();
        assertThat(back.dheGroupBits()).isNull();
        assertThat(back).isEqualTo(p);
    }

    @Test
    void badJsonIsAOneLineError() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ServerProfile.fromJsonText("{\"tds7\":{\"protocols\":{\"TLSv9\":{}}}}")))
                .hasMessageContaining("unknown protocol version 'TLSv9'");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ServerProfile.fromJsonText("[1,2"))).hasMessageStartingWith("not a server profile");
    }
}
