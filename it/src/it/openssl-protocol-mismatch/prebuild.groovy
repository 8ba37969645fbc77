import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'legacy.example.test', 'sha256', '-tls1', '-cipher', 'AES128-SHA:@SECLEVEL=0')
