package io.tlscompat.it.agent;

/**
 * Forked by {@link AgentRulesIT}: an application that brings its own ASM and Bouncy Castle. Prints where its
 * {@code ClassReader} and BC provider come from and the ASM API level its Opcodes has, then makes TLS handshakes via
 * {@link ConcurrentHandshakesMain}. Usage: {@code OwnLibrariesMain KEYSTORE.p12}.
 */
public final class OwnLibrariesMain {
    private OwnLibrariesMain() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> reader = Class.forName("org.objectweb.asm.ClassReader");
        Class<?> bc = Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider");
        System.out.println("asm=" + reader.getProtectionDomain().getCodeSource().getLocation());
        System.out.println("bc=" + bc.getProtectionDomain().getCodeSource().getLocation());
        java.security.Security.addProvider((java.security.Provider) bc.getDeclaredConstructor().newInstance());
        ConcurrentHandshakesMain.main(new String[] {args[0], "2", "2"});
    }
}
