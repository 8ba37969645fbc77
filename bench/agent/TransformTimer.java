import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bench-only agent for {@code run.sh --parts}. {@code =noop}: a retransform-capable transformer that changes nothing
 * (what any such agent costs each class load). {@code =start} before and {@code =end} after another agent on the
 * command line: the time each class load spends in between, that is in the other agent's transformer and the JVMTI
 * hand-off to it (each {@code -javaagent} gets its own copy of the class bytes); printed at exit.
 */
public class TransformTimer {
    static final ThreadLocal<long[]> START = new ThreadLocal<long[]>();
    static final AtomicLong classes = new AtomicLong(), nanos = new AtomicLong();
    public static void premain(String a, Instrumentation inst) {
        if ("noop".equals(a)) {
            inst.addTransformer(new ClassFileTransformer() {
                public byte[] transform(ClassLoader l, String n, Class<?> c, ProtectionDomain d, byte[] b) { return null; }
            }, true);
            return;
        }
        if ("start".equals(a)) {
            inst.addTransformer(new ClassFileTransformer() {
                public byte[] transform(ClassLoader l, String n, Class<?> c, ProtectionDomain d, byte[] b) {
                    START.set(new long[] {System.nanoTime()}); return null;
                }
            }, true);
            return;
        }
        inst.addTransformer(new ClassFileTransformer() {
            public byte[] transform(ClassLoader l, String n, Class<?> c, ProtectionDomain d, byte[] b) {
                long[] s = START.get();
                if (s != null) {
                    long dt = System.nanoTime() - s[0];
                    classes.incrementAndGet(); nanos.addAndGet(dt);
                    START.remove();
                }
                return null;
            }
        }, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("transform_timer classes=" + classes
                + " transformer_us=" + nanos.get() / 1000)));
    }
}
