/**
 * The SQL Server Browser protocol ([MC-SQLR], UDP 1434), client and message format: how a named instance such as
 * {@code db1\SQLEXPRESS} becomes a TCP port, as mssql-jdbc ({@code SQLServerConnection.getInstancePort}) and jTDS
 * ({@code MSSqlServerInfo}) do it. {@link io.tlscompat.core.browser.BrowserResponse} owns the SVR_RESP format (the
 * simulator answers with it too); {@link io.tlscompat.core.browser.InstanceResolver} asks one Browser for one
 * instance, within a timeout and the caller's deadline.
 */
package io.tlscompat.core.browser;
