package org.ruralcredit.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.testing.ServiceBootContract;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ServiceBootTest extends ServiceBootContract {

    @Inject
    DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected String apiTitle() {
        return "Farmer registry (农户信用档案)";
    }

    @Test
    void everyOfficialDivisionIsLoaded() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT level, count(*) FROM division GROUP BY level")) {
            Map<String, Integer> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            assertEquals(
                    Map.of("PROVINCE", 31, "CITY", 342, "COUNTY", 2_978, "TOWNSHIP", 41_352, "VILLAGE", 620_573),
                    counts);
        }
    }
}
