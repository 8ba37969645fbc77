import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def pom = new File(basedir, 'pom.xml').readLines()
    // The real <target> element is the second line holding one; the first is inside the comment.
    def targetLines = pom.findIndexValues { it.contains('<target>') }.collect { (it as int) + 1 }
    assert targetLines.size() == 2
    def sarif = io.tlscompat.core.json.Json.parseObject(report(basedir, 'report.sarif'))
    def lines = sarif.runs[0].results.collect { it.locations[0].physicalLocation.region.startLine }
    assert !lines.isEmpty()
    assert lines.every { it == targetLines[1] } : lines
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
