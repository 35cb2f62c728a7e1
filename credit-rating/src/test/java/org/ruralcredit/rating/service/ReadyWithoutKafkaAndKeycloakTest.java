package org.ruralcredit.rating.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.ruralcredit.testing.ReadyOnDatabaseAloneContract;

@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class ReadyWithoutKafkaAndKeycloakTest extends ReadyOnDatabaseAloneContract {}
