import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'dhe.example.test', 'sha256', '-tls1_2', '-cipher', 'DHE-RSA-AES256-GCM-SHA384')
