package io.tlscompat.core.probe;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_server} on loopback as a real, independent TLS peer. Tests that use it skip when openssl is not
 * on the PATH. The process is destroyed on close.
 */
final class OpenSslServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private OpenSslServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs openssl with the arguments in {@code dir}, failing the test when it fails. */
    static void run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl-" + args[0] + ".log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: "
                    + new String(Files.readAllBytes(dir.resolve("openssl-" + args[0] + ".log"))));
        }
    }

    /** Starts {@code openssl s_server -accept PORT -quiet <args>} and waits until it accepts connections. */
    static OpenSslServer start(Path dir, String... args) throws Exception {
        int port = JdkTlsServer.freePort();
        List<String> command = new ArrayList<>(Arrays.asList("openssl", "s_server", "-accept",
                String.valueOf(port), "-quiet"));
        command.addAll(Arrays.asList(args));
        File log = dir.resolve("s_server-" + port + ".log").toFile();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("openssl s_server exited: "
                        + new String(Files.readAllBytes(log.toPath())));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new OpenSslServer(process, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("openssl s_server did not listen on " + port + " within 10 s");
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
