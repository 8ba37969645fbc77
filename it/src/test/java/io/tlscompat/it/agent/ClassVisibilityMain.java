package io.tlscompat.it.agent;

import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Forked by {@link AgentIsolationIT}: an application under the agent that makes real handshakes (so the agent has
 * loaded its classes), then tries {@code Class.forName} through its own class loader on every class name in the file
 * given, and prints {@code loadable=NAME} for each one it can load and {@code tried=N} at the end.
 *
 * <p>Usage: {@code ClassVisibilityMain KEYSTORE.p12 NAMES.txt}.
 */
public final class ClassVisibilityMain {
    private ClassVisibilityMain() {
    }

    public static void main(String[] args) throws Exception {
        ConcurrentHandshakesMain.main(new String[] {args[0], "1", "2"});
        ClassLoader app = ClassVisibilityMain.class.getClassLoader();
        int tried = 0;
        for (String name : Files.readAllLines(Paths.get(args[1]))) {
            tried++;
            try {
                Class.forName(name, false, app);
                System.out.println("loadable=" + name);
            } catch (ClassNotFoundException | LinkageError expected) {
                // what isolation promises
            }
        }
        System.out.println("tried=" + tried);
    }
}
