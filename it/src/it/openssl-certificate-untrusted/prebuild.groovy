import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'self.example.test', 'sha256', '-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256')
