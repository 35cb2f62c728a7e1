package org.ruralcredit.registry.service;

import org.ruralcredit.commons.identity.ResidentId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemMappers;
import org.ruralcredit.registry.domain.DivisionLevel;
import org.ruralcredit.registry.domain.HouseholdFile;
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

    public record Outcome(List<ResidentId> ids, List<Problem.FieldError> errors) {
        public boolean passed() {
            return errors.isEmpty();
        }
    }

    private final Validator validator;
    private final DivisionRepository divisions;
    private final HouseholdRepository households;
    private final HouseholdDocuments documents;
    private final Clock clock;

    public HouseholdFileChecker(Validator validator, DivisionRepository divisions, HouseholdRepository households,
                                HouseholdDocuments documents, Clock clock) {
        this.validator = validator;
        this.divisions = divisions;
        this.households = households;
        this.documents = documents;
        this.clock = clock;
    }

    /** A file to check and the household it would be written over (null for a new one). */
    public record Candidate(HouseholdFile file, UUID ownHousehold) {
    }

    public Outcome check(HouseholdFile file, UUID ownHousehold) {
        return checkAll(List.of(new Candidate(file, ownHousehold))).get(0);
    }

    /**
     * Checks many files as if they were written one after another in this order, with one query
     * for their villages and one for their people: a person claimed by an earlier file of the
     * batch counts as taken for the later ones.
     */
    public List<Outcome> checkAll(List<Candidate> candidates) {
        LocalDate today = LocalDate.now(clock);
        List<List<Problem.FieldError>> errorsOf = new ArrayList<>(candidates.size());
        List<List<ResidentId>> idsOf = new ArrayList<>(candidates.size());
        Set<String> villageCodes = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        List<Map<String, Integer>> positionsOf = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            HouseholdFile file = candidate.file();
            List<Problem.FieldError> errors = new ArrayList<>();
            validator.validate(file).forEach(v -> errors.add(new Problem.FieldError(ProblemMappers.fieldOf(v), v.getMessage())));
            List<ResidentId> ids = new ArrayList<>();
            if (file.members() != null && file.members().stream().allMatch(m -> m != null && m.residentId() != null)) {
                HouseholdFileRules.check(file, today, ids)
                        .forEach(v -> errors.add(new Problem.FieldError(v.field(), v.message())));
            }
            if (file.villageCode() != null && file.villageCode().matches("\\d{12}")) {
                villageCodes.add(file.villageCode());
            }
            Map<String, Integer> positionByHash = new LinkedHashMap<>();
            if (!ids.isEmpty() && ids.stream().allMatch(java.util.Objects::nonNull)) {
                for (int i = 0; i < ids.size(); i++) {
                    positionByHash.put(documents.hashOfResidentId(ids.get(i).value()), i);
                }
                hashes.addAll(positionByHash.keySet());
            }
            errorsOf.add(errors);
            idsOf.add(ids);
            positionsOf.add(positionByHash);
        }
        Set<String> villages = divisions.existing(villageCodes, DivisionLevel.VILLAGE);
        Map<String, UUID> taken = new HashMap<>(households.activeElsewhere(hashes, null));
        List<Outcome> outcomes = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            Candidate candidate = candidates.get(c);
            List<Problem.FieldError> errors = errorsOf.get(c);
            String village = candidate.file().villageCode();
            if (village != null && village.matches("\\d{12}") && !villages.contains(village)) {
                errors.add(new Problem.FieldError("villageCode", "is not an official village division code"));
            }
            Map<String, Integer> positionByHash = positionsOf.get(c);
            UUID own = candidate.ownHousehold();
            positionByHash.forEach((hash, position) -> {
                UUID holder = taken.get(hash);
                if (holder != null && !holder.equals(own)) {
                    errors.add(new Problem.FieldError("members[" + position + "].residentId",
                            "already belongs to another active household"));
                }
            });
            errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
            if (errors.isEmpty()) {
                // written, its people are taken for the files after it (a new file's own id is not known yet)
                UUID holder = own == null ? PENDING : own;
                positionByHash.keySet().forEach(hash -> taken.put(hash, holder));
            }
            outcomes.add(new Outcome(idsOf.get(c), List.copyOf(errors)));
        }
        return outcomes;
    }

    /** Marks people claimed by a new file earlier in the same batch. */
    private static final UUID PENDING = new UUID(0, 0);
}
