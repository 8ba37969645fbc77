package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.core.json.Json;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Appends one JSON object per line and rotates by size: {@code tls.jsonl} → {@code tls.jsonl.1} → … up to
 * {@code maxFiles} old files. If the path cannot be written, one warning goes to stderr and the agent carries on
 * without the file (the application is never affected).
 */
public final class RotatingJsonlFile implements RecordConsumer {
    /** The one warning for an unwritable path; {@code %s} = path, reason. */
    public static final String CANNOT_WRITE = "[tls-compat] cannot write %s (%s); records go to stderr/JFR/JMX only."
            + " Fix: point log= at a writable file";
    private static final Charset UTF8 = Charset.forName("UTF-8");
    private static final int BUFFER = 64 * 1024;

    private final File file;
    private final long maxSize;
    private final int maxFiles;
    private final PrintStream warnings;
    private OutputStream out;
    private long size;
    private boolean disabled;

    public RotatingJsonlFile(File file, long maxSize, int maxFiles, PrintStream warnings) {
        this.file = file;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        this.warnings = warnings;
    }

    /** Opens the file now so a bad path is reported at startup; false when it cannot be written. */
    public boolean open() {
        try {
            File dir = file.getAbsoluteFile().getParentFile();
            if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
                throw new IOException("directory " + dir + " cannot be created");
            }
            out = new BufferedOutputStream(new FileOutputStream(file, true), BUFFER);
            size = file.length();
            return true;
        } catch (IOException | SecurityException e) {
            disable(e);
            return false;
        }
    }

    public boolean isDisabled() {
        return disabled;
    }

    @Override
    public void consume(HandshakeRecord record) {
        writeLine(Json.write(record.toJson()));
    }

    /** Writes one line (also used for the shutdown summary line). */
    public void writeLine(String line) {
        if (disabled) {
            return;
        }
        try {
            if (out == null && !open()) {
                return;
            }
            byte[] bytes = line.getBytes(UTF8);
            if (size > 0 && size + bytes.length + 1 > maxSize) {
                rotate();
            }
            out.write(bytes);
            out.write('\n');
            size += bytes.length + 1;
        } catch (IOException e) {
            disable(e);
        }
    }

    private void rotate() throws IOException {
        out.close();
        File oldest = new File(file.getPath() + "." + maxFiles);
        if (oldest.exists() && !oldest.delete()) {
            throw new IOException("cannot delete " + oldest);
        }
        for (int i = maxFiles - 1; i >= 1; i--) {
            File from = new File(file.getPath() + "." + i);
            if (from.exists() && !from.renameTo(new File(file.getPath() + "." + (i + 1)))) {
                throw new IOException("cannot rename " + from);
            }
        }
        if (!file.renameTo(new File(file.getPath() + ".1"))) {
            throw new IOException("cannot rename " + file);
        }
        out = new BufferedOutputStream(new FileOutputStream(file, false), BUFFER);
        size = 0;
    }

    private void disable(Exception e) {
        if (!disabled) {
            disabled = true;
            warnings.println(String.format(CANNOT_WRITE, file, e.getMessage()));
        }
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // already failing; the warning has been given
            }
            out = null;
        }
    }

    @Override
    public void idle() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                disable(e);
            }
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // shutting down
            }
            out = null;
        }
    }
}
