import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'rsa.example.test', 'sha256', '-tls1_2', '-cipher', 'AES256-GCM-SHA384:AES128-SHA:@SECLEVEL=0')
