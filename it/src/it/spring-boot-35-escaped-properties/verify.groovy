import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    // The version the Boot 3.5.7 BOM manages, read from the BOM itself rather than written down twice.
    def bom = new File(System.getProperty('maven.repo.local', "${System.getProperty('user.home')}/.m2/repository"),
            'org/springframework/boot/spring-boot-dependencies/3.5.7/spring-boot-dependencies-3.5.7.pom')
    def managed = bom.exists() ? (bom.getText('UTF-8') =~ /<mssql-jdbc\.version>([^<]+)</)[0][1] : null
    assert log =~ /\[INFO\] Driver: com\.microsoft\.sqlserver:mssql-jdbc:12\.\d+\.\d+\.jre11 /
    if (managed != null) {
        assert log.contains("[INFO] Driver: com.microsoft.sqlserver:mssql-jdbc:${managed} ")
    }
    assert log.contains("[INFO] Target jdbc:sqlserver://${target};databaseName=orders;encrypt=true from src/main/resources/application.properties:3")
    assert log.contains(violation(basedir, 'spring-boot-35-escaped-properties', pluginVersion, 2, 'error',
            "certificate-untrusted (${target}), certificate-hostname-mismatch (${target})"))
    for (f in reportsAndLog(basedir)) {
        assert !f.toFile().getText('UTF-8').contains('hunter2-escaped') : f
    }
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
