package org.ruralcredit.morality;

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
        return "Morality score (道德银行)";
    }
}
