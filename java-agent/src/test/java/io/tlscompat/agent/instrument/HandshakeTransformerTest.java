package io.tlscompat.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import java.io.File;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Instruments the real JSSE class files of this JDK (17) and of Temurin 25 when present, and checks that every hook
 * landed where it should. The running JVM verifies the same bytes in the integration tests.
 */
class HandshakeTransformerTest {
    static final class Problems implements HandshakeTransformer.Listener {
        final List<String> failed = new ArrayList<>();

        @Override
        public void hooked(String className, int methods) {
        }

        @Override
        public void failed(String className, Throwable problem) {
            failed.add(className + ": " + problem);
        }
    }

    /** Method name → hook calls found in it. */
    static Map<String, List<String>> hookCalls(byte[] classfile) {
        Map<String, List<String>> calls = new java.util.TreeMap<>();
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                String key = name + desc;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String mname, String mdesc, boolean itf) {
                        if (owner.equals(TlsCompatHooks.INTERNAL_NAME)) {
                            calls.computeIfAbsent(key, k -> new ArrayList<>()).add(mname);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    private static void checkJdk(FileSystem jrt) throws Exception {
        Problems problems = new Problems();
        HandshakeTransformer t = new HandshakeTransformer(problems);
        byte[] socket = Files.readAllBytes(jrt.getPath("/modules/java.base/sun/security/ssl/SSLSocketImpl.class"));
        Map<String, List<String>> calls = hookCalls(t.instrument(HookTargets.SSL_SOCKET_IMPL, socket));
        assertThat(calls).containsOnlyKeys("startHandshake(Z)V");
        assertThat(calls.get("startHandshake(Z)V")).contains("handshakeEnter", "handshakeExit", "handshakeFailed");
        assertThat(calls.get("startHandshake(Z)V").get(0)).isEqualTo("handshakeEnter");

        byte[] out = Files.readAllBytes(jrt.getPath("/modules/java.base/sun/security/ssl/SSLSocketOutputRecord.class"));
        assertThat(hookCalls(t.instrument(HookTargets.SOCKET_OUTPUT_RECORD, out)))
                .containsExactly(Map.entry("encodeHandshake([BII)V", List.of("messageSent")));

        byte[] ctx = Files.readAllBytes(jrt.getPath("/modules/java.base/sun/security/ssl/HandshakeContext.class"));
        assertThat(hookCalls(t.instrument(HookTargets.HANDSHAKE_CONTEXT, ctx)))
                .containsExactly(Map.entry("dispatch(BLjava/nio/ByteBuffer;)V",
                        List.of("engineMessageReceived", "messageReceived")));

        byte[] transport = Files.readAllBytes(jrt.getPath("/modules/java.base/sun/security/ssl/TransportContext.class"));
        assertThat(hookCalls(t.instrument(HookTargets.TRANSPORT_CONTEXT, transport))).containsOnly(
                Map.entry("kickstart()V", List.of("engineStart")),
                Map.entry("finishHandshake()Ljavax/net/ssl/SSLEngineResult$HandshakeStatus;",
                        List.of("engineFinished")),
                Map.entry("fatal(Lsun/security/ssl/Alert;Ljava/lang/String;ZLjava/lang/Throwable;)"
                        + "Ljavax/net/ssl/SSLException;", List.of("engineFailed")));

        byte[] engine = Files.readAllBytes(jrt.getPath("/modules/java.base/sun/security/ssl/SSLEngineImpl.class"));
        assertThat(hookCalls(t.instrument(HookTargets.SSL_ENGINE_IMPL, engine)))
                .containsExactly(Map.entry("closeInbound()V", List.of("engineInboundClosed")));

        byte[] engineOut = Files.readAllBytes(
                jrt.getPath("/modules/java.base/sun/security/ssl/SSLEngineOutputRecord.class"));
        assertThat(hookCalls(t.instrument(HookTargets.ENGINE_OUTPUT_RECORD, engineOut)))
                .containsExactly(Map.entry("encodeHandshake([BII)V", List.of("engineMessageSent")));

        byte[] tube = Files.readAllBytes(
                jrt.getPath("/modules/java.net.http/jdk/internal/net/http/common/SSLTube.class"));
        assertThat(hookCalls(t.instrument(HookTargets.HTTP_SSL_TUBE, tube))).containsExactly(Map.entry(
                "checkForHandshake(Ljava/lang/Throwable;)Ljava/lang/Throwable;", List.of("engineFlowEnded")));
        assertThat(problems.failed).isEmpty();
    }

    @Test
    void hooksTheJsseClassesOfThisJdk() throws Exception {
        checkJdk(FileSystems.getFileSystem(URI.create("jrt:/")));
    }

    @Test
    void hooksTheJsseClassesOfJdk25() throws Exception {
        String home = System.getProperty("tlscompat.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(new File(home, "lib/modules").isFile(), "no JDK 25 at " + home);
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home))) {
            checkJdk(jrt);
        }
    }

    @Test
    void hooksEnableSslAndPreloginOfEveryStoredMssqlJdbcVersion() throws Exception {
        File repo = new File(System.getProperty("user.home"), ".m2/repository/com/microsoft/sqlserver/mssql-jdbc");
        String[][] versions = {{"6.4.0.jre8", "(Ljava/lang/String;I)V"},
            {"9.4.1.jre11", "(Ljava/lang/String;ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;)V"},
            {"13.2.1.jre11", "(Ljava/lang/String;ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Z)V"}};
        int checked = 0;
        for (String[] v : versions) {
            File jar = new File(repo, v[0] + "/mssql-jdbc-" + v[0] + ".jar");
            if (!jar.isFile()) {
                continue;
            }
            try (URLClassLoader l = new URLClassLoader(new java.net.URL[] {jar.toURI().toURL()}, null)) {
                byte[] bytes = l.getResourceAsStream("com/microsoft/sqlserver/jdbc/TDSChannel.class").readAllBytes();
                Problems problems = new Problems();
                Map<String, List<String>> calls = hookCalls(new HandshakeTransformer(problems)
                        .instrument(HookTargets.TDS_CHANNEL, bytes));
                assertThat(calls).containsOnlyKeys("enableSSL" + v[1]);
                assertThat(calls.get("enableSSL" + v[1])).startsWith("jdbcEnter").contains("jdbcExit");
                byte[] con = l.getResourceAsStream("com/microsoft/sqlserver/jdbc/SQLServerConnection.class")
                        .readAllBytes();
                Map<String, List<String>> conCalls = hookCalls(new HandshakeTransformer(problems)
                        .instrument(HookTargets.SQL_SERVER_CONNECTION, con));
                assertThat(conCalls).hasSize(1);
                String prelogin = conCalls.keySet().iterator().next();
                assertThat(prelogin).isIn("Prelogin(Ljava/lang/String;I)V", "prelogin(Ljava/lang/String;I)V");
                assertThat(conCalls.get(prelogin)).containsExactly("preloginFailed");
                assertThat(problems.failed).isEmpty();
                checked++;
            }
        }
        assumeTrue(checked > 0, "no mssql-jdbc in ~/.m2");
    }

    @Test
    void hooksJtdsEnableEncryption() throws Exception {
        File jar = new File(System.getProperty("user.home"),
                ".m2/repository/net/sourceforge/jtds/jtds/1.3.1/jtds-1.3.1.jar");
        assumeTrue(jar.isFile(), "no jTDS in ~/.m2");
        try (URLClassLoader l = new URLClassLoader(new java.net.URL[] {jar.toURI().toURL()}, null)) {
            byte[] bytes = l.getResourceAsStream("net/sourceforge/jtds/jdbc/SharedSocket.class").readAllBytes();
            Problems problems = new Problems();
            Map<String, List<String>> calls = hookCalls(new HandshakeTransformer(problems)
                    .instrument(HookTargets.JTDS_SHARED_SOCKET, bytes));
            assertThat(calls).containsOnlyKeys("enableEncryption(Ljava/lang/String;)V");
            assertThat(calls.get("enableEncryption(Ljava/lang/String;)V")).startsWith("jdbcEnter").contains("jdbcExit");
            assertThat(problems.failed).isEmpty();
        }
    }

    @Test
    void aJsseWithoutThePeerAccessorsIsRefusedNotHalfHooked() {
        // The shape of the pre-8u261 SSLSocketImpl: startHandshake(boolean) without getPeerHost/getPeerPort.
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, HookTargets.SSL_SOCKET_IMPL, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "startHandshake", "(Z)V", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 2);
        mv.visitEnd();
        cw.visitEnd();
        Problems problems = new Problems();
        assertThat(new HandshakeTransformer(problems).transform(null, HookTargets.SSL_SOCKET_IMPL, null, null,
                cw.toByteArray())).isNull();
        assertThat(problems.failed).containsExactly(HookTargets.SSL_SOCKET_IMPL + ": java.lang.IllegalStateException: "
                + HandshakeTransformer.OLD_JSSE);
    }

    @Test
    void otherClassesAreLeftAlone() {
        HandshakeTransformer t = new HandshakeTransformer(new Problems());
        assertThat(t.transform(null, "java/lang/String", null, null, new byte[] {1, 2, 3})).isNull();
        assertThat(HandshakeTransformer.isTarget("sun/security/ssl/SSLEngineImpl")).isTrue();
        assertThat(HandshakeTransformer.isTarget("sun/security/ssl/DTLSOutputRecord")).isFalse();
    }

    @Test
    void aBrokenTargetIsReportedNotThrown() {
        Problems problems = new Problems();
        HandshakeTransformer t = new HandshakeTransformer(problems);
        assertThat(t.transform(null, HookTargets.SSL_SOCKET_IMPL, null, null, new byte[] {0, 1, 2})).isNull();
        assertThat(problems.failed).hasSize(1).allMatch(s -> s.startsWith(HookTargets.SSL_SOCKET_IMPL));
        assertThat(Collections.unmodifiableList(problems.failed)).isNotEmpty();
    }
}
