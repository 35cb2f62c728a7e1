package org.ruralcredit.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** A service's test database as the packaged services use it (test profile, demo credentials). */
public enum TestDatabase {
    REGISTRY("registry"),
    RATING("rating"),
    MORALITY("morality"),
    SME("sme"),
    GATEWAY("gateway");

    private final String name;

    TestDatabase(String name) {
        this.name = name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + name + "_test", name, name + "-demo-password");
    }

    /** A statement without parameters and without a result, e.g. dropping a suite's own schema. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    /** The JDBC URL of the test database with a schema of its own as the search path. */
    public String urlWithSchema(String schema) {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "_test?currentSchema=" + schema;
    }

    /** A count query without parameters. */
    public long count(String sql) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database's clock: rows it stamps are compared with it, not with this machine's. */
    public Instant now() throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT now()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** A count query whose one parameter ({@code ?}) is a moment. */
    public long countSince(String sql, Instant since) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A count query whose one parameter ({@code ANY(?)}) is these ids. */
    public long count(String sql, Collection<UUID> ids) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
