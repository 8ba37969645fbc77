package io.tlscompat.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes the bootstrap jar (the hook classes JDK code calls, pre-packed at build time as the resource
 * {@link #RESOURCE}) to a temporary file for {@code appendToBootstrapClassLoaderSearch}. Not {@code Boot-Class-Path}:
 * that needs the exact jar file name. Copies bytes only: no class of that jar may load before it is on the boot
 * path, and creating a jar or a {@code File.createTempFile} name here would initialise {@code SecureRandom} and
 * {@code java.time} on every JVM start.
 */
final class BootstrapJar {
    /** Built by the java-agent pom (antrun, prepare-package) from {@code io/tlscompat/agent/bootstrap/*.class}. */
    static final String RESOURCE = "tls-compat-boot.jar.bin";

    private BootstrapJar() {
    }

    static File extract() throws IOException {
        InputStream in = BootstrapJar.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException(RESOURCE + " is missing from the agent jar");
        }
        File dir = new File(System.getProperty("java.io.tmpdir"));
        File out = null;
        for (int i = 0; out == null; i++) {
            File candidate = new File(dir, "tls-compat-boot-" + System.nanoTime() + "-" + i + ".jar");
            if (candidate.createNewFile()) {
                out = candidate;
            } else if (i > 100) {
                throw new IOException("cannot create a file in " + dir);
            }
        }
        out.deleteOnExit();
        try {
            OutputStream os = new FileOutputStream(out);
            try {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    os.write(buf, 0, n);
                }
            } finally {
                os.close();
            }
        } finally {
            in.close();
        }
        return out;
    }
}
