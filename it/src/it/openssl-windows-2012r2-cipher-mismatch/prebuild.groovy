import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'gcm.example.test', 'sha256', '-tls1_2', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256')
