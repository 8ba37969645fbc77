package io.tlscompat.agent.cli;

import io.tlscompat.core.json.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;

/** {@code report [--json] FILE.jsonl}: summarises an agent record file per server and per diagnosis. */
final class ReportCommand implements Command {
    static final String HELP = String.join(System.lineSeparator(),
            "usage: java -jar tls-compat-agent.jar report [--json] FILE.jsonl",
            "",
            "Summarises a record file written by the agent (log=FILE): handshakes per server and outcome,",
            "and each diagnosis with an example and the fix.",
            "",
            "exit codes: 0 reported, 2 usage error or unreadable file");
    /** Reason for {@link #CANNOT_READ}: %d = line number, %d = limit. */
    static final String LINE_TOO_LONG = "line %d is longer than %d characters, so this is not a record file";
    /** Reason for {@link #CANNOT_READ}: %d = lines read. */
    static final String NO_RECORDS = "none of its %d lines is an agent record";
    /** After a partial report: %s = path, %d = line number, %d = limit. */
    static final String STOPPED = "report: stopped reading %s at line %d, which is longer than %d characters; the "
            + "summary above covers the lines before it";
    /** %s = path, reason. */
    static final String CANNOT_READ = "report: cannot read %s (%s); give a record file written with"
            + " -javaagent:tls-compat-agent.jar=log=FILE";

    @Override
    public String summary() {
        return "summarise an agent record file per server and diagnosis: report FILE.jsonl";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        String path = null;
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(HELP);
                return ExitCodes.OK;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("-") || path != null) {
                err.println("report: unexpected argument '" + a + "'");
                err.println(HELP);
                return ExitCodes.USAGE;
            } else {
                path = a;
            }
        }
        if (path == null) {
            err.println("report: give the record file");
            err.println(HELP);
            return ExitCodes.USAGE;
        }
        File file = new File(path);
        RecordFileSummary summary;
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(file),
                    Charset.forName("UTF-8")));
            try {
                summary = RecordFileSummary.read(in);
            } finally {
                in.close();
            }
        } catch (IOException e) {
            err.println(String.format(CANNOT_READ, path, e.getMessage()));
            return ExitCodes.USAGE;
        }
        if (summary.records == 0 && summary.stoppedAtLine > 0) {
            err.println(String.format(CANNOT_READ, path, String.format(LINE_TOO_LONG, summary.stoppedAtLine,
                    RecordFileSummary.MAX_LINE_CHARS)));
            return ExitCodes.USAGE;
        }
        if (summary.records == 0 && summary.unreadable > 0) {
            err.println(String.format(CANNOT_READ, path, String.format(NO_RECORDS, summary.unreadable)));
            return ExitCodes.USAGE;
        }
        out.print(json ? Json.writePretty(summary.toJson()) : summary.render(file.getName()));
        if (summary.stoppedAtLine > 0) {
            err.println(String.format(STOPPED, path, summary.stoppedAtLine, RecordFileSummary.MAX_LINE_CHARS));
        }
        return ExitCodes.OK;
    }
}
