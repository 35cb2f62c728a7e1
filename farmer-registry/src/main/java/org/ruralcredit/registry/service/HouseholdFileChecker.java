package org.ruralcredit.registry.service;

import java.lang.annotation.ElementType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidatorFactory;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ConstraintCodes;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.commons.validation.FieldRules;
import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.registry.domain.HouseholdFileRules;
import org.ruralcredit.registry.repository.DivisionRepository;
import org.ruralcredit.registry.repository.HouseholdRepository;

/**
 * Every check a file must pass before anything of it is stored, for the form and the import
 * alike: field rules, rules across fields, the village exists, and no person already belongs to
 * another active household. Reports all problems at once.
 */
@ApplicationScoped
public class HouseholdFileChecker {

    /** {@code ids} and their keyed {@code hashes} by member position, complete when the file passed. */
    public record Outcome(List<ResidentId> ids, List<String> hashes, List<Problem.FieldError> errors) {
        public boolean passed() {
            return errors.isEmpty();
        }
    }

    private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");

    private final Validator validator;
    private final DivisionRepository divisions;
    private final HouseholdRepository households;
    private final HouseholdDocuments documents;
    private final Clock clock;

    public HouseholdFileChecker(
            ValidatorFactory validators,
            DivisionRepository divisions,
            HouseholdRepository households,
            HouseholdDocuments documents,
            Clock clock) {
        // A file is a tree of records, never an entity: nothing in it can be lazily loaded, so the
        // persistence-aware reachability check (a JPA look-up per property, two fifths of an import's
        // validation time) has nothing to decide.
        this.validator = validators
                .unwrap(HibernateValidatorFactory.class)
                .usingContext()
                .traversableResolver(EVERYTHING_REACHABLE)
                .enableTraversableResolverResultCache(false)
                .getValidator();
        this.divisions = divisions;
        this.households = households;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * What a file shows by itself, without the database: the field rules, the rules across
     * fields, its resident IDs parsed and their keyed hashes (by member position). Cheap to make
     * ahead of the write, on another thread.
     */
    public record Inspection(
            HouseholdFile file, List<ResidentId> ids, List<String> hashes, List<Problem.FieldError> errors) {}

    /** An inspected file and the household it would be written over (null for a new one). */
    public record Candidate(Inspection inspection, UUID ownHousehold) {}

    /**
     * The checks only the registry can make, with its data (the village exists, no person is on
     * another active file), by the file's field paths: a device cannot make them, but learns the
     * codes it may be answered.
     */
    public static Map<String, List<FieldRules.Rule>> describedServerChecks() {
        Map<String, Object> serverOnly = Map.of("serverOnly", true);
        return Map.of(
                "villageCode",
                List.of(FieldRules.check("KnownVillage", RegistryCodes.HOUSEHOLD_VILLAGE_UNKNOWN, serverOnly)),
                "members[].residentId",
                List.of(FieldRules.check("NotFiledElsewhere", RegistryCodes.PERSON_FILED_ELSEWHERE, serverOnly)));
    }

    /** {@code via} and {@code actor} name the attempt in the {@link FiledTwiceLog} should a person be on file elsewhere. */
    public Outcome check(String via, Actor actor, HouseholdFile file, UUID ownHousehold) {
        return checkAll(via, actor, List.of(new Candidate(inspect(file), ownHousehold)))
                .get(0);
    }

    public Inspection inspect(HouseholdFile file) {
        List<Problem.FieldError> errors = new ArrayList<>();
        validator.validate(file).forEach(v -> errors.add(fieldError(v)));
        List<ResidentId> ids = new ArrayList<>();
        if (file.members() != null && file.members().stream().allMatch(m -> m != null && m.residentId() != null)) {
            errors.addAll(HouseholdFileRules.check(file, LocalDate.now(clock), ids));
        }
        List<String> hashes = new ArrayList<>(ids.size());
        if (!ids.isEmpty() && ids.stream().allMatch(Objects::nonNull)) {
            ids.forEach(id -> hashes.add(documents.hashOfResidentId(id.value())));
        }
        // an ID that did not parse stays a null at its position (the file is refused then)
        return new Inspection(file, Collections.unmodifiableList(ids), List.copyOf(hashes), List.copyOf(errors));
    }

    /**
     * Completes the checks of many inspected files with the database, as if they were written one
     * after another in this order, with one query for their villages and one for their people: a
     * person claimed by an earlier file of the batch counts as taken for the later ones. A person
     * already in another active household is refused with {@code person.filed-elsewhere}, which
     * never says where, and the attempt is logged ({@link FiledTwiceLog}).
     */
    public List<Outcome> checkAll(String via, Actor actor, List<Candidate> candidates) {
        Set<String> villageCodes = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (Candidate candidate : candidates) {
            String village = candidate.inspection().file().villageCode();
            if (village != null && VILLAGE_CODE.matcher(village).matches()) {
                villageCodes.add(village);
            }
            hashes.addAll(candidate.inspection().hashes());
        }
        Set<String> villages = divisions.existing(villageCodes, DivisionFiles.Level.VILLAGE);
        Map<String, UUID> taken = new HashMap<>(households.activeElsewhere(hashes, null));
        List<Outcome> outcomes = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            Inspection inspection = candidate.inspection();
            List<Problem.FieldError> errors = new ArrayList<>(inspection.errors());
            String village = inspection.file().villageCode();
            if (village != null && VILLAGE_CODE.matcher(village).matches() && !villages.contains(village)) {
                errors.add(Problem.FieldError.of("villageCode", RegistryCodes.HOUSEHOLD_VILLAGE_UNKNOWN));
            }
            UUID own = candidate.ownHousehold();
            for (int position = 0; position < inspection.hashes().size(); position++) {
                UUID holder = taken.get(inspection.hashes().get(position));
                if (holder != null && !holder.equals(own)) {
                    errors.add(Problem.FieldError.of(
                            "members[" + position + "].residentId", RegistryCodes.PERSON_FILED_ELSEWHERE));
                    FiledTwiceLog.attempt(
                            via, actor, inspection.ids().get(position).value(), PENDING.equals(holder) ? null : holder);
                }
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::code));
            if (errors.isEmpty()) {
                // written, its people are taken for the files after it (a new file's own id is not known yet)
                UUID holder = own == null ? PENDING : own;
                inspection.hashes().forEach(hash -> taken.put(hash, holder));
            }
            outcomes.add(new Outcome(inspection.ids(), inspection.hashes(), List.copyOf(errors)));
        }
        return outcomes;
    }

    /** A field rule broken, as its code: read as the service's own mapper reads it. */
    static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        return ConstraintCodes.fieldError(violation);
    }

    private static final TraversableResolver EVERYTHING_REACHABLE = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    };

    /** Marks people claimed by a new file earlier in the same batch. */
    private static final UUID PENDING = new UUID(0, 0);
}
