package org.ruralcredit.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.registry.VillageProfileChanged;
import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.domain.VillageProfile;
import org.ruralcredit.registry.domain.VillageProfileRevision;
import org.ruralcredit.registry.repository.DivisionRepository;
import org.ruralcredit.registry.repository.VillageProfileRepository;

/** Village figures from local statistics: set by the township's official, announced to the raters. */
@ApplicationScoped
public class VillageProfileService {

    public record ProfileChange(
            int totalHouseholds,
            int population,
            LocalDate figuresAsOf,
            String committeeContact,
            String reason,
            Integer expectedRevision) {}

    private final VillageProfileRepository profiles;
    private final DivisionRepository divisions;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public VillageProfileService(
            VillageProfileRepository profiles,
            DivisionRepository divisions,
            Outbox outbox,
            Caller caller,
            Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.divisions = divisions;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public VillageProfile find(String villageCode) {
        requireInScope(caller.readScope(), villageCode);
        VillageProfile profile = profiles.findById(villageCode);
        if (profile == null) {
            requireVillage(villageCode);
            throw ApiException.of(RegistryCodes.VILLAGE_PROFILE_NOT_FOUND, villageCode);
        }
        return profile;
    }

    @Transactional
    public List<VillageProfileRevision> history(String villageCode) {
        find(villageCode);
        return profiles.revisionsOf(villageCode);
    }

    @Transactional
    public VillageProfile save(String villageCode, ProfileChange change) {
        if (!caller.actor().isTownshipOfficialOf(villageCode)) {
            requireInScope(DivisionScope.NOWHERE, villageCode);
        }
        Division village = requireVillage(villageCode);
        // the row lock serialises concurrent writers, so the revision check below cannot race
        VillageProfile profile = profiles.findById(villageCode, LockModeType.PESSIMISTIC_WRITE);
        int expected = change.expectedRevision() == null ? 0 : change.expectedRevision();
        if (profile == null) {
            if (expected != 0) {
                throw ApiException.of(RegistryCodes.VILLAGE_PROFILE_NOT_CREATED, villageCode);
            }
            profile = new VillageProfile();
            profile.villageCode = villageCode;
        } else if (profile.revision != expected) {
            throw ApiException.of(
                    RegistryCodes.VILLAGE_PROFILE_STALE_REVISION, villageCode, profile.revision, expected);
        }
        return write(village, profile, change, expected, caller.username());
    }

    /**
     * Gives each village of these townships that has no profile the figures {@code figures} holds
     * for its code, written by {@code author} as a first revision and announced like any other; an
     * existing profile is left as it is. Replicas starting together take turns. How many it created.
     */
    @Transactional
    public int createMissing(List<String> townships, Function<String, ProfileChange> figures, String author) {
        profiles.lockForCreatingMissing();
        int created = 0;
        for (String township : townships) {
            for (Division village : divisions.childrenOf(township)) {
                if (village.level != DivisionFiles.Level.VILLAGE || profiles.findById(village.code) != null) {
                    continue;
                }
                VillageProfile profile = new VillageProfile();
                profile.villageCode = village.code;
                write(village, profile, figures.apply(village.code), 0, author);
                created++;
            }
        }
        return created;
    }

    /** Writes the change as revision {@code expected} + 1 with its history row and event. */
    private VillageProfile write(
            Division village, VillageProfile profile, ProfileChange change, int expected, String author) {
        String villageCode = village.code;
        profile.totalHouseholds = change.totalHouseholds();
        profile.population = change.population();
        profile.figuresAsOf = change.figuresAsOf();
        profile.committeeContact = change.committeeContact();
        profile.updatedBy = author;
        profile.updatedAt = Instant.now(clock);
        profile.revision = expected + 1;
        profiles.persist(profile);

        VillageProfileRevision revision = new VillageProfileRevision();
        revision.villageCode = villageCode;
        revision.revision = profile.revision;
        revision.totalHouseholds = profile.totalHouseholds;
        revision.population = profile.population;
        revision.figuresAsOf = profile.figuresAsOf;
        revision.committeeContact = profile.committeeContact;
        revision.reason = change.reason();
        revision.changedBy = profile.updatedBy;
        revision.changedAt = profile.updatedAt;
        profiles.append(revision);

        outbox.record(
                EventCatalog.VILLAGE_PROFILE_CHANGED,
                villageCode,
                new VillageProfileChanged(
                        villageCode,
                        village.name,
                        villageCode.substring(0, 9),
                        villageCode.substring(0, 6),
                        profile.totalHouseholds,
                        profile.population,
                        profile.figuresAsOf,
                        profile.revision));
        return profile;
    }

    private Division requireVillage(String code) {
        Division division = divisions.findById(code);
        if (division == null || division.level != DivisionFiles.Level.VILLAGE) {
            throw ApiException.of(RegistryCodes.VILLAGE_NOT_FOUND, code);
        }
        return division;
    }

    private void requireInScope(DivisionScope scope, String villageCode) {
        if (!scope.covers(villageCode)) {
            throw ApiException.of(RegistryCodes.VILLAGE_OUTSIDE_DIVISION, villageCode);
        }
    }
}
