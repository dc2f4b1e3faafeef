package org.farebox.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * A fresh, empty PostgreSQL schema for one test, on the test server that scripts/prepare-test-env
 * starts: {@link #jdbcUrl()} points at it (with {@code currentSchema}, user and password), and
 * {@link #close()} drops it with everything in it.
 *
 * <p>Server and login come from the environment: {@code FAREBOX_TEST_PG_URL} (default
 * {@value #DEFAULT_URL}), {@code FAREBOX_TEST_PG_USER} and {@code FAREBOX_TEST_PG_PASSWORD} (default
 * {@code farebox} / {@code farebox}). When the server cannot be reached the test is aborted (skipped),
 * unless {@code CI=true}, where it fails.
 */
public final class PostgresDatabase implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/farebox_test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String schema;
    private boolean dropped;

    private PostgresDatabase(String baseUrl, String user, String password, String schema) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** Creates a new schema named {@code farebox_test_<random>} on the server the environment names. */
    public static PostgresDatabase create() {
        String url = env("FAREBOX_TEST_PG_URL", DEFAULT_URL);
        String user = env("FAREBOX_TEST_PG_USER", "farebox");
        String password = env("FAREBOX_TEST_PG_PASSWORD", "farebox");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("FAREBOX_TEST_PG_URL must start with jdbc:postgresql:, got " + url);
        }
        String schema = "farebox_test_" + Long.toUnsignedString(RANDOM.nextLong(), 36).toLowerCase(Locale.ROOT);
        try (Connection connection = open(url, user, password); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw MissingInfrastructure.report("PostgreSQL test database " + url + " (user " + user
                    + ") is not usable: " + e.getMessage());
        }
        return new PostgresDatabase(url, user, password, schema);
    }

    /** The schema's name (unique per {@link #create()}). */
    public String schema() {
        return schema;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of the fresh schema, user and password included: {@code ...?currentSchema=S&user=U&password=P}. */
    public String jdbcUrl() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&user=" + encode(user) + "&password=" + encode(password);
    }

    /** A new connection to the fresh schema; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Drops the schema and everything in it. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        try (Connection connection = open(baseUrl, user, password); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            dropped = true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static Connection open(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
