import static io.tlscompat.it.invoker.InvokerScenario.*

opensslRelay(basedir, context, 'modern.example.test', 'sha256', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384', '-ciphersuites', 'TLS_AES_256_GCM_SHA384')
