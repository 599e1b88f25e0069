package io.attest.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the store lives: PostgreSQL when {@code DATABASE_URL} is set, else an embedded H2 file database under
 * {@code ATTEST_DATA}. {@link #toString()} and {@link #describe()} never show a password.
 *
 * @param jdbcUrl  the JDBC URL, without credentials when they came apart
 * @param user     the user, or null when the URL carries it
 * @param password the password, or null when the URL carries it
 */
public record StoreSettings(Engine engine, String jdbcUrl, String user, String password, String where) {

    /** The engines one set of migrations serves. */
    public enum Engine {
        H2, POSTGRESQL;

        @Override
        public String toString() {
            return this == H2 ? "H2" : "PostgreSQL";
        }
    }

    static final String H2_FILE = "attest";
    /**
     * PostgreSQL mode gives both engines the same SQL; names folded to lower case as PostgreSQL folds them. The
     * database is opened by one process at a time, so the {@code drafts} command can read it while Attest runs,
     * AUTO_SERVER lets a second process in through the first (on 127.0.0.1 only, see {@link Store}).
     */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

    /**
     * @param databaseUrl {@code DATABASE_URL}: {@code postgres://user:password@host:port/db} (the form Heroku and most
     *                    hosts give) or a {@code jdbc:postgresql:} URL; null for the embedded database
     * @param dataFolder  {@code ATTEST_DATA}, the embedded database's folder; null for {@code ./data}
     * @throws IllegalArgumentException with one line naming the variable (never the URL: it holds a password)
     */
    public static StoreSettings of(String databaseUrl, String dataFolder) {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return postgres(databaseUrl.trim());
        }
        Path folder = Path.of(dataFolder == null || dataFolder.isBlank() ? "data" : dataFolder.trim()).toAbsolutePath().normalize();
        return new StoreSettings(Engine.H2, "jdbc:h2:file:" + folder.resolve(H2_FILE) + H2_OPTIONS, null, null,
                "H2 in " + folder);
    }

    private static StoreSettings postgres(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new StoreSettings(Engine.POSTGRESQL, url, null, null, "PostgreSQL at " + hostOf(url.substring("jdbc:".length())));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw bad(scheme.isEmpty() ? "has no scheme" : "is a " + scheme + ": URL");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw bad(uri.getHost() == null ? "names no host" : "names no database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String jdbc = "jdbc:postgresql://" + host + "/" + database + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new StoreSettings(Engine.POSTGRESQL, jdbc, user, password, "PostgreSQL at " + host + "/" + decode(database));
    }

    /** Host, port and database of a postgresql://… URL, for the logs; never its query (it may carry a password). */
    private static String hostOf(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getPath() == null ? "" : uri.getPath();
            return (uri.getHost() == null ? "localhost" : uri.getHost()) + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
        } catch (URISyntaxException e) {
            return "the configured address";
        }
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("DATABASE_URL " + why
                + "; it must be postgres://user:password@host:port/database or a jdbc:postgresql: URL");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Where the store is, for one log line: engine, host and database, or the folder. */
    public String describe() {
        return where;
    }

    @Override
    public String toString() {
        return "StoreSettings[" + where + ", password=" + (password == null ? "unset" : "set") + "]";
    }
}
