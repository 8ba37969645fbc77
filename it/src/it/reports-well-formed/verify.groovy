import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def target = target(context)
    def json = io.tlscompat.core.json.Json.parseObject(report(basedir, 'report.json'))
    assert json.verdict == 'fail'
    assert json.targets.size() == 2
    assert json.targets[0].keySet().containsAll(['target', 'client', 'server', 'predictedHandshake', 'verdict'])
    assert json.targets[0].server.target == target
    assert json.targets[1].client.name == 'windows-server-2012r2'
    assert json.targets[1].verdict == 'warn' // TLS 1.0 works for 2012 R2, but is legacy
    assert json.targets[0].observation == 'observed' // the default handshake rehearsal ran the project's driver
    assert json.targets[1].observation == 'predicted, not observed' // a Windows client profile cannot be run
    assert json.findings[0].keySet().containsAll(['code', 'severity', 'target', 'message', 'remediation', 'evidence'])
    assert json.findings[0].code == 'protocol-mismatch'
    
    def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new File(basedir, 'target/tls-compat/TEST-tls-compat.xml')).documentElement
    assert junit.tagName == 'testsuite'
    // one check per finding code (prediction-mismatch and certificate-expiring included) x 2 clients
    assert junit.getAttribute('tests') == String.valueOf(2 * io.tlscompat.core.finding.FindingCode.values().length)
    assert io.tlscompat.core.finding.FindingCode.values().length == 16
    assert junit.getAttribute('failures') == '1'
    assert junit.getElementsByTagName('property').length == 2 // each evaluation's observation
    
    def sarifText = report(basedir, 'report.sarif')
    def sarif = io.tlscompat.core.json.Json.parseObject(sarifText)
    assert sarif.version == '2.1.0'
    def results = sarif.runs[0].results
    assert results.size() == 2
    assert results[0].ruleId == 'protocol-mismatch'
    assert results[0].level == 'error'
    def pom = new File(basedir, 'pom.xml').text
    int urlLine = 1 + pom.substring(0, pom.indexOf('jdbc:sqlserver://')).count('\n')
    assert sarifText.contains('"uri": "pom.xml"')
    assert sarifText.contains('"startLine": ' + urlLine)
    
    def summary = report(basedir, 'summary.md')
    assert summary.contains("| `${target}` |")
    assert summary.contains('**fail**')
    assert summary.contains('`protocol-mismatch`')
    assert summary.contains('`legacy-protocol`')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
