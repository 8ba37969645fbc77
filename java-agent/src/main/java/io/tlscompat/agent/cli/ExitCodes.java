package io.tlscompat.agent.cli;

/** The command line's exit codes; scripts and CI gates depend on them. */
public final class ExitCodes {
    /** The command did its job. */
    public static final int OK = 0;
    /** An unexpected failure (a bug or an I/O error writing output). */
    public static final int ERROR = 1;
    /** Bad arguments: the help was printed. */
    public static final int USAGE = 2;
    /** The target could not be reached, is not SQL Server, or did not answer in time. */
    public static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
