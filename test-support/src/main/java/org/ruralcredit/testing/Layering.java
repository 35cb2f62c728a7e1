package org.ruralcredit.testing;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The layering every service promises (README, docs/ARCHITECTURE.md), as rules each service's
 * {@code ArchitectureTest} checks against its own production classes. One definition here, so a service
 * cannot quietly check a weaker copy.
 *
 * <ul>
 * <li>SQL and the {@code EntityManager} only in {@code repository/};</li>
 * <li>{@code rest/} never reaches {@code repository/}: it calls services;</li>
 * <li>transactions begin in {@code service/} (or a {@code messaging/} entry point), never in a resource;</li>
 * <li>{@code domain/} is plain Java: no framework, no persistence, no HTTP;</li>
 * <li>object-level scope checks ({@code DivisionScope.covers}) sit in services, where every caller passes;</li>
 * <li>"now" comes from the service's {@code Clock} bean (service-commons' ServiceClock): China's date, and a
 * test can move it.</li>
 * </ul>
 */
public final class Layering {

    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";

    private static final Set<String> BEGINS = Set.of("REQUIRED", "REQUIRES_NEW");

    /** {@code @Transactional} that starts a transaction (REQUIRED, the default, or REQUIRES_NEW). */
    private static final DescribedPredicate<JavaAnnotation<?>> BEGINS_A_TRANSACTION = DescribedPredicate.describe(
            "@Transactional that begins a transaction",
            annotation -> annotation.getRawType().getName().equals(TRANSACTIONAL)
                    && annotation
                            .get("value")
                            .map(v -> ((JavaEnumConstant) v).name())
                            .map(BEGINS::contains)
                            .orElse(true));

    private static final Set<String> TIME_TYPES = Set.of(
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime",
            "java.time.YearMonth",
            "java.time.Year");

    /** {@code Instant.now()}, {@code LocalDate.now(zone)}, … anything but {@code now(clock)}, and {@code System.currentTimeMillis()}. */
    private static final DescribedPredicate<JavaMethodCall> NOW_WITHOUT_A_CLOCK =
            DescribedPredicate.describe("now() without the service's clock", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                boolean fromTheClock =
                        parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class);
                return (TIME_TYPES.contains(owner) && name.equals("now") && !fromTheClock)
                        || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"));
            });

    private static final DescribedPredicate<JavaClass> FRAMEWORK = DescribedPredicate.describe(
            "belong to a framework (container, HTTP, messaging, configuration, EntityManager)", type -> {
                String name = type.getName();
                if (name.startsWith("jakarta.persistence.")
                        || name.startsWith("org.hibernate.annotations.")
                        || name.startsWith("org.hibernate.type.")
                        || name.startsWith("jakarta.validation.")) {
                    return name.equals("jakarta.persistence.EntityManager")
                            || name.startsWith("jakarta.persistence.criteria.")
                            || name.equals("jakarta.validation.Validator");
                }
                return name.startsWith("jakarta.")
                        || name.startsWith("javax.")
                        || name.startsWith("io.quarkus.")
                        || name.startsWith("io.smallrye.")
                        || name.startsWith("org.eclipse.microprofile.")
                        || name.startsWith("org.hibernate.")
                        || name.startsWith("io.vertx.")
                        || name.startsWith("org.jboss.");
            });

    private Layering() {}

    /** The service's production classes (its tests are not held to the layering). */
    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** Every rule, checked at once so one run lists every breach. */
    public static void check(String rootPackage) {
        JavaClasses classes = classesOf(rootPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no production classes under " + rootPackage + ": the rules would check nothing");
        }
        CompositeArchRule.of(rules()).check(classes);
    }

    /** A service without one of the layers (the console has no repository/) passes that layer's rules. */
    public static List<ArchRule> rules() {
        return List.of(
                        sqlOnlyInRepositories(),
                        resourcesCallServices(),
                        transactionsBeginInServices(),
                        transactionalMethodsBeginInServices(),
                        domainIsPlainJava(),
                        scopeChecksInServices(),
                        timeComesFromTheClock())
                .stream()
                .map(rule -> rule.allowEmptyShould(true))
                .toList();
    }

    static ArchRule sqlOnlyInRepositories() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("..repository..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
                .because("SQL lives in repository/ only; services and resources call repositories");
    }

    static ArchRule resourcesCallServices() {
        return noClasses()
                .that()
                .resideInAPackage("..rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..repository..")
                .because("a resource calls a service, which checks scope and holds the transaction");
    }

    static ArchRule transactionsBeginInServices() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..service..", "..messaging..")
                .should()
                .beAnnotatedWith(BEGINS_A_TRANSACTION)
                .because("transactions begin in service/ (or a messaging/ entry point)");
    }

    static ArchRule transactionalMethodsBeginInServices() {
        return noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackages("..service..", "..messaging..")
                .should()
                .beAnnotatedWith(BEGINS_A_TRANSACTION)
                .because("transactions begin in service/ (or a messaging/ entry point); a repository may only"
                        + " demand one (MANDATORY)");
    }

    /**
     * Plain Java: no container, no HTTP, no messaging, no configuration, no {@code EntityManager}. Mapping and
     * constraint annotations ({@code jakarta.persistence}'s and Hibernate's annotations, Bean Validation's
     * constraints) are allowed: they describe a record and do nothing on their own, so the classes still run in a
     * plain unit test.
     */
    static ArchRule domainIsPlainJava() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat(FRAMEWORK)
                .because("domain/ holds plain rules that a plain unit test can run");
    }

    static ArchRule scopeChecksInServices() {
        return noClasses()
                .that()
                .resideInAPackage("..rest..")
                .should()
                .callMethod("org.ruralcredit.commons.security.DivisionScope", "covers", "java.lang.String")
                .because("object-level scope checks sit in services, so every path to the data passes them");
    }

    static ArchRule timeComesFromTheClock() {
        return noClasses()
                .should()
                .callMethodWhere(NOW_WITHOUT_A_CLOCK)
                .because("now() reads the JVM's zone and cannot be moved by a test; inject the Clock bean");
    }
}
