import static io.tlscompat.it.invoker.InvokerScenario.*

simulatorWithBrowser(basedir, context, 'sql2019-win2019', 'SQLEXPRESS')
