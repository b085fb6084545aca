package io.clair.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
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
                    Object out = invoke(m, real, args);
                    if (m.getName().equals("prepareStatement") && out instanceof PreparedStatement ps) {
                        return recording((String) args[0], ps);
                    }
                    return out;
                });
    }

    /** A statement whose SQL text and parameters are remembered at execution, to EXPLAIN it afterwards. */
    record Executed(String sql, Map<Integer, Object> params) {
    }

    private volatile Executed last;
    private volatile String watched;

    /** From now on, remember the last executed statement whose SQL contains {@code fragment}. */
    void watch(String fragment) {
        watched = fragment;
    }

    Executed last() {
        return last;
    }

    private PreparedStatement recording(String sql, PreparedStatement ps) {
        if (watched == null || !sql.contains(watched)) {
            return ps;
        }
        Map<Integer, Object> params = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, m, args) -> {
                    if (m.getName().startsWith("set") && args != null && args.length == 2
                            && args[0] instanceof Integer i) {
                        params.put(i, args[1]);
                    } else if (m.getName().startsWith("execute")) {
                        last = new Executed(sql, Map.copyOf(params));
                    }
                    return invoke(m, ps, args);
                });
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
