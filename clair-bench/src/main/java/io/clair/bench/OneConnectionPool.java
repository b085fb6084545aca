package io.clair.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out one open connection again and again, as a connection pool does (the services use
 * Agroal): the measured work then excludes connecting, and the connection's server backend lives on, so its CPU time
 * can be read after the work. {@code close()} on a handed-out connection is ignored; {@link #close()} ends it.
 */
final class OneConnectionPool implements DataSource, AutoCloseable {
    private final Connection real;
    private final Connection handed;

    OneConnectionPool(DataSource ds) throws SQLException {
        this.real = ds.getConnection();
        this.handed = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    if (m.getName().equals("close") && m.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The connection itself, for the bench's own queries (unwrap works on it). */
    Connection connection() {
        return real;
    }

    @Override
    public Connection getConnection() {
        return handed;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return handed;
    }

    @Override
    public void close() throws SQLException {
        real.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
