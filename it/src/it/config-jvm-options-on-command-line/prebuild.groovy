import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2019-win2019', '-Dtls-compat.targetJvmOptions=-Djdk.tls.client.protocols=TLSv1.2,TLSv1.3')
