package org.ruralcredit.testing.leaky.service;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Fixture: a service that runs JDBC itself. */
public class ReportService {

    private final DataSource dataSource;

    public ReportService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        }
    }
}
