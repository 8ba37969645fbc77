import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def udp = browserPort(context)
    assert log.contains(violation(basedir, 'named-instance-silent-browser', pluginVersion, 1, 'error',
            'server-unreachable (localhost\\SQLEXPRESS)'))
    def line = log.readLines().find { it.contains('error server-unreachable: ') }
    assert line != null
    assert line.contains("the SQL Server Browser on localhost (UDP ${udp}) did not answer for instance SQLEXPRESS within ")
    // Within the Browser's 2 s timeout, far inside the 20 s probe deadline.
    def millis = (line =~ /within (\d+) ms/)[0][1] as int
    assert millis < 3000
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
