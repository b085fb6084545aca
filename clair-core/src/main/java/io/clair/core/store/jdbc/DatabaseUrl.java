package io.clair.core.store.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Database connection settings parsed from the forms Clair users write: a URL
 * ({@code postgresql://user:pass@host:5432/db?sslmode=disable}, also {@code postgres://}), a libpq key/value string
 * ({@code host=h port=5432 dbname=db user=u password=p sslmode=disable}), or a JDBC URL.
 *
 * @param jdbcUrl  the JDBC URL for the PostgreSQL driver
 * @param user     user name, or {@code ""}
 * @param password password, or {@code ""}
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /**
     * Parses any of the accepted forms.
     *
     * @throws IllegalArgumentException with a message that names the problem but never the password
     */
    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("database url: empty");
        }
        String t = text.trim();
        if (t.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(t, "", "");
        }
        if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
            return fromUrl(t);
        }
        if (t.contains("=")) {
            return fromKeyValue(t);
        }
        throw new IllegalArgumentException("database url: expected postgresql://user:pass@host:port/db, a libpq "
                + "\"host=... dbname=...\" string or a jdbc:postgresql: URL, got \"" + redact(t) + "\"");
    }

    private static DatabaseUrl fromUrl(String t) {
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database url: malformed \"" + redact(t) + "\": " + e.getReason(), e);
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException("database url: no host in \"" + redact(t) + "\"");
        }
        String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
        if (db.isEmpty()) {
            throw new IllegalArgumentException("database url: no database name in \"" + redact(t) + "\"");
        }
        String user = "";
        String pass = "";
        if (u.getRawUserInfo() != null) {
            String[] up = u.getRawUserInfo().split(":", 2);
            user = decode(up[0]);
            pass = up.length > 1 ? decode(up[1]) : "";
        }
        int port = u.getPort() < 0 ? 5432 : u.getPort();
        String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + port + "/" + db
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new DatabaseUrl(jdbc, user, pass);
    }

    private static DatabaseUrl fromKeyValue(String t) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : t.split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("database url: cannot read \"" + part.split("=")[0]
                        + "\" in a key=value connection string");
            }
            String v = part.substring(eq + 1);
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                v = v.substring(1, v.length() - 1);
            }
            kv.put(part.substring(0, eq), v);
        }
        String host = kv.getOrDefault("host", "localhost");
        String port = kv.getOrDefault("port", "5432");
        String db = kv.getOrDefault("dbname", kv.getOrDefault("user", "postgres"));
        StringJoiner params = new StringJoiner("&");
        if (kv.containsKey("sslmode")) {
            params.add("sslmode=" + kv.get("sslmode"));
        }
        if (kv.containsKey("connect_timeout")) {
            params.add("connectTimeout=" + kv.get("connect_timeout"));
        }
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + db
                + (params.length() == 0 ? "" : "?" + params);
        return new DatabaseUrl(jdbc, kv.getOrDefault("user", ""), kv.getOrDefault("password", ""));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The input with any password replaced, for messages and logs. */
    public static String redact(String t) {
        return t.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@").replaceAll("(password=)\\S+", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + "]";
    }
}
