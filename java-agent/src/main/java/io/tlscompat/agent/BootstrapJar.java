package io.tlscompat.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the bootstrap package (the hook classes JDK code calls) from the agent jar into a small temporary jar for
 * {@code appendToBootstrapClassLoaderSearch}. Not {@code Boot-Class-Path}: that needs the exact jar file name. Only
 * reads and writes bytes; it must not load any of those classes before they are on the boot path.
 */
final class BootstrapJar {
    private BootstrapJar() {
    }

    static File extract(File agentJar, String packagePrefix) throws IOException {
        File out = File.createTempFile("tls-compat-boot-", ".jar");
        out.deleteOnExit();
        int copied = 0;
        JarFile in = new JarFile(agentJar);
        try {
            JarOutputStream jar = new JarOutputStream(new FileOutputStream(out));
            try {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith(packagePrefix) && e.getName().endsWith(".class")) {
                        jar.putNextEntry(new JarEntry(e.getName()));
                        InputStream is = in.getInputStream(e);
                        try {
                            byte[] buf = new byte[8192];
                            int n;
                            while ((n = is.read(buf)) > 0) {
                                jar.write(buf, 0, n);
                            }
                        } finally {
                            is.close();
                        }
                        jar.closeEntry();
                        copied++;
                    }
                }
            } finally {
                jar.close();
            }
        } finally {
            in.close();
        }
        if (copied == 0) {
            throw new IOException("no " + packagePrefix + " classes in " + agentJar);
        }
        return out;
    }
}
