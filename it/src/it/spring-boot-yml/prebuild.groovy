import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2019-win2019')
def resources = new File(basedir, 'src/main/resources')
resources.mkdirs()
// setText, not '.text =': a pre-build script that ends in a value other than true or null fails the build
new File(resources, 'application.yml').setText("""server:
  port: 8080
spring:
  datasource:
    username: app
    url: "jdbc:sqlserver://${target(context)};encrypt=true;password=topsecret"
""", 'UTF-8')
