import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2019-win2019')
def resources = new File(basedir, 'src/main/resources')
resources.mkdirs()
def port = target(context).split(':')[1]
new File(resources, 'application.properties').setText("""# written as Spring Initializr and IDEs escape it
spring.application.name=orders
spring.datasource.url=jdbc\\:sqlserver\\://localhost\\:${port};databaseName\\=orders;encrypt\\=true
spring.datasource.username=app
spring.datasource.password=hunter2-escaped
""", 'ISO-8859-1')
