package io.tlscompat.agent.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** The ASM settings every transformer uses, in one place. */
final class AsmSupport {
    /** ASM API level; ASM 9.9 reads class files up to Java 26 (major 70). */
    static final int API = Opcodes.ASM9;

    private AsmSupport() {
    }

    /**
     * A writer that only recomputes max stack/locals. Frames are kept from the original class plus the ones the
     * visitors add explicitly; computing frames would load classes inside a transformer, which is unsafe.
     */
    static ClassWriter writerFor(ClassReader reader) {
        return new ClassWriter(reader, ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                throw new IllegalStateException("tls-compat never computes frames (" + type1 + ", " + type2 + ")");
            }
        };
    }
}
