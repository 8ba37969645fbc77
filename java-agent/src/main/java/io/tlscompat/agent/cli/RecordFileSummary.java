package io.tlscompat.agent.cli;

import io.tlscompat.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarises a record file (the agent's JSON Lines) per server and per diagnosis. Lines that are not JSON objects
 * are counted, not fatal: a file cut off by a crash still reports. Memory is bounded whatever the file holds: one
 * line of at most {@link #MAX_LINE_CHARS} is in memory at a time, and a longer line (a binary file, /dev/zero) ends
 * the reading where it starts, see {@link #stoppedAtLine}.
 */
final class RecordFileSummary {
    /** Per-server totals. */
    static final class ServerLine {
        long attempts;
        long ok;
        final Map<String, Long> outcomes = new TreeMap<String, Long>();
        String lastProtocol;
        String lastCipherSuite;
    }

    /** Per-diagnosis totals with one example explanation and the fix. */
    static final class DiagnosisLine {
        long count;
        final Map<String, Long> servers = new TreeMap<String, Long>();
        String example;
        String fix;
    }

    /** The longest line read; an agent record is a few KB, so anything longer is not a record file. */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    /** The line number where reading stopped because the line was longer than {@link #MAX_LINE_CHARS}, else 0. */
    long stoppedAtLine;
    long records;
    long failures;
    long unreadable;
    final Map<String, ServerLine> servers = new TreeMap<String, ServerLine>();
    final Map<String, DiagnosisLine> diagnoses = new TreeMap<String, DiagnosisLine>();

    static RecordFileSummary read(BufferedReader in) throws IOException {
        RecordFileSummary s = new RecordFileSummary();
        StringBuilder buffer = new StringBuilder();
        long lineNumber = 0;
        while (true) {
            lineNumber++;
            int end = readLine(in, buffer);
            if (end == TOO_LONG) {
                s.stoppedAtLine = lineNumber;
                break;
            }
            if (end == EOF && buffer.length() == 0) {
                break;
            }
            String line = buffer.toString();
            if (line.trim().isEmpty()) {
                continue;
            }
            Map<String, Object> r;
            try {
                r = Json.parseObject(line);
            } catch (RuntimeException | StackOverflowError e) {
                s.unreadable++;
                continue;
            }
            if (!r.containsKey("outcome") || !r.containsKey("peerHost")) {
                s.unreadable++;
                continue;
            }
            s.add(r);
        }
        return s;
    }

    private static final int EOF = -1;
    private static final int NEWLINE = 0;
    private static final int TOO_LONG = 1;

    /** Reads one line into {@code buffer} (cleared first), never more than {@link #MAX_LINE_CHARS} characters. */
    private static int readLine(BufferedReader in, StringBuilder buffer) throws IOException {
        buffer.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return NEWLINE;
            }
            if (c != '\r') {
                if (buffer.length() == MAX_LINE_CHARS) {
                    return TOO_LONG;
                }
                buffer.append((char) c);
            }
        }
        return EOF;
    }

    @SuppressWarnings("unchecked")
    private void add(Map<String, Object> r) {
        records++;
        String server = r.get("peerHost") + ":" + number(r.get("peerPort"));
        ServerLine sl = servers.get(server);
        if (sl == null) {
            sl = new ServerLine();
            servers.put(server, sl);
        }
        sl.attempts++;
        String outcome = String.valueOf(r.get("outcome"));
        Long n = sl.outcomes.get(outcome);
        sl.outcomes.put(outcome, n == null ? 1L : n + 1);
        if ("ok".equals(outcome)) {
            sl.ok++;
            sl.lastProtocol = (String) r.get("protocol");
            sl.lastCipherSuite = (String) r.get("cipherSuite");
        } else {
            failures++;
        }
        Object d = r.get("diagnosis");
        if (d instanceof Map) {
            Map<String, Object> dm = (Map<String, Object>) d;
            String code = String.valueOf(dm.get("code"));
            DiagnosisLine dl = diagnoses.get(code);
            if (dl == null) {
                dl = new DiagnosisLine();
                // records written before the rename say explanation/fix
                dl.example = (String) (dm.containsKey("message") ? dm.get("message") : dm.get("explanation"));
                dl.fix = (String) (dm.containsKey("remediation") ? dm.get("remediation") : dm.get("fix"));
                diagnoses.put(code, dl);
            }
            dl.count++;
            Long c = dl.servers.get(server);
            dl.servers.put(server, c == null ? 1L : c + 1);
        }
    }

    private static String number(Object o) {
        return o instanceof Number ? String.valueOf(((Number) o).longValue()) : String.valueOf(o);
    }

    /** The report as JSON (for scripts). */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("records", records);
        m.put("failures", failures);
        m.put("unreadableLines", unreadable);
        m.put("stoppedAtLine", stoppedAtLine == 0 ? null : stoppedAtLine);
        Map<String, Object> sv = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, ServerLine> e : servers.entrySet()) {
            Map<String, Object> x = new LinkedHashMap<String, Object>();
            x.put("attempts", e.getValue().attempts);
            x.put("ok", e.getValue().ok);
            x.put("outcomes", e.getValue().outcomes);
            x.put("lastProtocol", e.getValue().lastProtocol);
            x.put("lastCipherSuite", e.getValue().lastCipherSuite);
            sv.put(e.getKey(), x);
        }
        m.put("servers", sv);
        Map<String, Object> dg = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, DiagnosisLine> e : diagnoses.entrySet()) {
            Map<String, Object> x = new LinkedHashMap<String, Object>();
            x.put("count", e.getValue().count);
            x.put("servers", e.getValue().servers);
            x.put("example", e.getValue().example);
            x.put("remediation", e.getValue().fix);
            dg.put(e.getKey(), x);
        }
        m.put("diagnoses", dg);
        return m;
    }

    /** The report as text. */
    String render(String fileName) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append("tls-compat report: ").append(fileName).append(" — ").append(records).append(" handshakes, ")
                .append(failures).append(" failed");
        if (unreadable > 0) {
            sb.append(" (").append(unreadable).append(" unreadable lines skipped)");
        }
        sb.append(nl).append(nl).append("per server:").append(nl);
        for (Map.Entry<String, ServerLine> e : servers.entrySet()) {
            ServerLine s = e.getValue();
            sb.append(String.format("  %-28s %6d handshakes %6d ok  %s", e.getKey(), s.attempts, s.ok, s.outcomes));
            if (s.lastProtocol != null) {
                sb.append("  last ").append(s.lastProtocol).append(' ').append(s.lastCipherSuite);
            }
            sb.append(nl);
        }
        sb.append(nl).append("per diagnosis:").append(nl);
        if (diagnoses.isEmpty()) {
            sb.append("  (none)").append(nl);
        }
        for (Map.Entry<String, DiagnosisLine> e : diagnoses.entrySet()) {
            DiagnosisLine d = e.getValue();
            sb.append(String.format("  %-30s %6d  servers %s", e.getKey(), d.count, d.servers.keySet())).append(nl);
            sb.append("      e.g. ").append(d.example).append(nl);
            sb.append("      fix: ").append(d.fix).append(nl);
        }
        return sb.toString();
    }
}
