import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def a = target(context)
    assert log.contains('[INFO] Skipping tls-compat:verify in reactor-modules-pass: no SQL Server client among its dependencies and no target.')
    assert log.contains('[INFO] Skipping tls-compat:verify in lib: no SQL Server client among its dependencies and no target.')
    assert (log =~ /\[INFO\] tls-compat:verify: 1 target\(s\) checked, verdict pass\./).count == 2
    def summary = new File(basedir, 'target/tls-compat/summary.md')
    assert log.contains("[INFO] Reactor summary: ${summary}")
    def md = summary.getText('UTF-8')
    assert md.contains("| app-a | ${a} |") && md.contains("| app-b | ${a} |")
    assert log.contains('BUILD SUCCESS')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
