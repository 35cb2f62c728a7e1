package org.ruralcredit.rating;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.ruralcredit.testing.ServiceBootContract;

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
        return "Credit rating (三信评定)";
    }
}
