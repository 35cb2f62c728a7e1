package org.ruralcredit.testing;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layering rules pass a layered service and catch each kind of leak (fixtures under layered/ and leaky/). */
class LayeringTest {

    private static final JavaClasses LAYERED =
            new ClassFileImporter().importPackages("org.ruralcredit.testing.layered");
    private static final JavaClasses LEAKY = new ClassFileImporter().importPackages("org.ruralcredit.testing.leaky");

    @Test
    void aLayeredServicePassesEveryRule() {
        for (ArchRule rule : Layering.rules()) {
            assertDoesNotThrow(() -> rule.check(LAYERED), rule.getDescription());
        }
    }

    @Test
    void eachLeakIsCaughtByItsRule() {
        Map<ArchRule, String> leaks = Map.of(
                Layering.sqlOnlyInRepositories(), "leaky.rest.FileResource",
                Layering.resourcesCallServices(), "leaky.repository.FileRepository",
                Layering.transactionalMethodsBeginInServices(), "FileResource.count",
                Layering.domainIsPlainJava(), "leaky.domain.Grade",
                Layering.scopeChecksInServices(), "DivisionScope.covers",
                Layering.timeComesFromTheClock(), "LocalDate.now()");
        leaks.forEach((rule, breach) -> {
            EvaluationResult result = rule.evaluate(LEAKY);
            assertTrue(result.hasViolation(), rule.getDescription());
            assertTrue(
                    result.getFailureReport().getDetails().stream().anyMatch(d -> d.contains(breach)),
                    breach + " in " + result.getFailureReport().getDetails());
        });
        EvaluationResult zone = Layering.timeComesFromTheClock().evaluate(LEAKY);
        assertTrue(
                zone.getFailureReport().getDetails().stream()
                        .anyMatch(d -> d.contains("LocalDate.now(java.time.ZoneId)")),
                "now(zone) is no clock either: " + zone.getFailureReport().getDetails());
        EvaluationResult jdbc = Layering.sqlOnlyInRepositories().evaluate(LEAKY);
        assertTrue(
                jdbc.getFailureReport().getDetails().stream()
                        .anyMatch(d -> d.contains("ReportService") && d.contains("javax.sql.DataSource")),
                "JDBC in a service: " + jdbc.getFailureReport().getDetails());
    }

    @Test
    void aRepositoryMayDemandATransactionButNotBeginOne() {
        assertFalse(
                Layering.transactionalMethodsBeginInServices().evaluate(LAYERED).hasViolation());
    }

    @Test
    void aRootWithoutClassesIsAnErrorNotAPass() {
        assertThrows(AssertionError.class, () -> Layering.check("org.ruralcredit.testing.nothing"));
    }
}
