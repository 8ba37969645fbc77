package io.tlscompat.agent.jfr;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Generates the JFR event class {@code tlscompat.Handshake} at run time. The agent is compiled for Java 8, whose
 * API has no {@code jdk.jfr}, so the class cannot be written in source: it is a plain subclass of
 * {@code jdk.jfr.Event} with one public field per record key, generated only when {@code jdk.jfr.Event} exists.
 */
final class JfrEventClassFactory {
    static final String CLASS_NAME = "io.tlscompat.agent.jfr.HandshakeEvent";
    /** The event name JMC and JFR streaming see. */
    static final String EVENT_NAME = "tlscompat.Handshake";
    /** Field names and JVM descriptors, in record-key order. */
    static final String[][] FIELDS = {
        {"peerHost", "Ljava/lang/String;", "Peer Host"},
        {"peerPort", "I", "Peer Port"},
        {"outcome", "Ljava/lang/String;", "Outcome"},
        {"phase", "Ljava/lang/String;", "Phase Reached"},
        {"protocol", "Ljava/lang/String;", "Protocol"},
        {"cipherSuite", "Ljava/lang/String;", "Cipher Suite"},
        {"offeredProtocols", "Ljava/lang/String;", "Offered Protocols"},
        {"peerCertificateSubject", "Ljava/lang/String;", "Peer Certificate Subject"},
        {"peerCertificateSignature", "Ljava/lang/String;", "Peer Certificate Signature Algorithm"},
        {"durationMicros", "J", "Handshake Duration (us)"},
        {"exception", "Ljava/lang/String;", "Exception"},
        {"clientConnectionId", "Ljava/lang/String;", "ClientConnectionId"},
        {"diagnosis", "Ljava/lang/String;", "Diagnosis"},
        {"diagnosisText", "Ljava/lang/String;", "Diagnosis Message"},
    };

    private JfrEventClassFactory() {
    }

    static byte[] generate() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        String internal = CLASS_NAME.replace('.', '/');
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null, "jdk/jfr/Event", null);
        AnnotationVisitor av = cw.visitAnnotation("Ljdk/jfr/Name;", true);
        av.visit("value", EVENT_NAME);
        av.visitEnd();
        av = cw.visitAnnotation("Ljdk/jfr/Label;", true);
        av.visit("value", "TLS Handshake (tls-compat)");
        av.visitEnd();
        av = cw.visitAnnotation("Ljdk/jfr/Description;", true);
        av.visit("value", "Every TLS handshake the tls-compat agent recorded, failed ones included");
        av.visitEnd();
        av = cw.visitAnnotation("Ljdk/jfr/Category;", true);
        AnnotationVisitor arr = av.visitArray("value");
        arr.visit(null, "tls-compat");
        arr.visitEnd();
        av.visitEnd();
        // Emitted from the writer thread, so its stack trace would only show the agent.
        av = cw.visitAnnotation("Ljdk/jfr/StackTrace;", true);
        av.visit("value", Boolean.FALSE);
        av.visitEnd();
        for (String[] f : FIELDS) {
            FieldVisitor fv = cw.visitField(Opcodes.ACC_PUBLIC, f[0], f[1], null, null);
            AnnotationVisitor label = fv.visitAnnotation("Ljdk/jfr/Label;", true);
            label.visit("value", f[2]);
            label.visitEnd();
            fv.visitEnd();
        }
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "jdk/jfr/Event", "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
