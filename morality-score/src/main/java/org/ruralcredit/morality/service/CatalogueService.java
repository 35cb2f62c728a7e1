package org.ruralcredit.morality.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.morality.domain.Catalogue;
import org.ruralcredit.morality.domain.CatalogueVersion;
import org.ruralcredit.morality.domain.DefaultCatalogue;
import org.ruralcredit.morality.repository.CatalogueRepository;

/** The versioned rule catalogue: which version governs a date, and new versions from credit-admin. */
@ApplicationScoped
public class CatalogueService {

    /** Versions never change once stored, so a read one can be kept. */
    private final Map<Integer, Catalogue> byVersion = new ConcurrentHashMap<>();

    private final CatalogueRepository versions;
    private final ObjectMapper json;
    private final Clock clock;

    public CatalogueService(CatalogueRepository versions, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.versions = versions;
        this.json = json;
    }

    /** The first start stores the default catalogue as version 1; several instances starting at once insert it once. */
    @Transactional
    void seedDefault(@Observes StartupEvent start) {
        Catalogue v1 = DefaultCatalogue.v1();
        versions.insertFirstIfAbsent(v1.effectiveFrom(), write(v1));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<Catalogue> inForceOn(LocalDate date) {
        return versions.inForceOn(date).map(this::read);
    }

    public Catalogue current() {
        return inForceOn(today()).orElseThrow(() -> new IllegalStateException("no catalogue in force"));
    }

    /** The version governing a year's standards, base and thresholds: the one in force at its end, or today for the running year. */
    public Catalogue forYear(int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate at = yearEnd.isAfter(today()) ? today() : yearEnd;
        return inForceOn(at).orElseGet(() -> byVersion(1));
    }

    public Catalogue byVersion(int version) {
        return byVersion.computeIfAbsent(
                version,
                v -> read(versions.findByIdOptional(v)
                        .orElseThrow(() -> ApiException.of(MoralityCodes.CATALOGUE_VERSION_UNKNOWN, v))));
    }

    public List<Catalogue> all() {
        return versions.all().stream().map(this::read).toList();
    }

    /**
     * Stores a new version. It may not take effect before today (entries already made keep their
     * version) nor before the latest version, so versions stay in date order.
     */
    @Transactional
    public Catalogue create(Catalogue proposed, String username) {
        CatalogueVersion latest = versions.latest().orElseThrow();
        Catalogue candidate = new Catalogue(
                latest.version + 1,
                proposed.effectiveFrom(),
                proposed.baseScore(),
                proposed.eligibilityThreshold(),
                proposed.greenCardThreshold(),
                proposed.standards(),
                proposed.rules(),
                proposed.vetoes(),
                proposed.creditBands());
        List<Problem.FieldError> errors = new ArrayList<>(candidate.violations().stream()
                .map(Catalogue.Violation::fieldError)
                .toList());
        if (candidate.effectiveFrom() != null && candidate.effectiveFrom().isBefore(today())) {
            errors.add(Problem.FieldError.of("effectiveFrom", MoralityCodes.CATALOGUE_EFFECTIVE_IN_PAST));
        }
        if (candidate.effectiveFrom() != null && candidate.effectiveFrom().isBefore(latest.effectiveFrom)) {
            errors.add(Problem.FieldError.of(
                    "effectiveFrom",
                    MoralityCodes.CATALOGUE_EFFECTIVE_BEFORE_LATEST,
                    latest.version,
                    latest.effectiveFrom));
        }
        if (!errors.isEmpty()) {
            throw invalidCatalogue(errors);
        }
        CatalogueVersion row = new CatalogueVersion();
        row.version = candidate.version();
        row.effectiveFrom = candidate.effectiveFrom();
        row.document = write(candidate);
        row.createdBy = username;
        row.createdAt = Instant.now(clock);
        versions.persist(row);
        versions.flush();
        return candidate;
    }

    /** A validation problem whose summary names the catalogue, as {@link Problem#validation} does the request. */
    private static ApiException invalidCatalogue(List<Problem.FieldError> errors) {
        return new ApiException(Problem.invalid(MoralityCodes.CATALOGUE_INVALID, errors, errors.size()));
    }

    private Catalogue read(CatalogueVersion row) {
        try {
            return json.readValue(row.document, Catalogue.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue version " + row.version + " cannot be read", e);
        }
    }

    private String write(Catalogue catalogue) {
        try {
            return json.writeValueAsString(catalogue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue cannot be written", e);
        }
    }
}
