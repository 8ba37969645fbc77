import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'md5.example.test', 'md5', '-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0')
