package org.ruralcredit.registry.service;

import org.ruralcredit.commons.identity.ResidentId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemMappers;
import org.ruralcredit.registry.domain.Division;
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

    public Outcome check(HouseholdFile file, UUID ownHousehold) {
        List<Problem.FieldError> errors = new ArrayList<>();
        validator.validate(file).forEach(v -> errors.add(new Problem.FieldError(ProblemMappers.fieldOf(v), v.getMessage())));
        List<ResidentId> ids = new ArrayList<>();
        if (file.members() != null && file.members().stream().allMatch(m -> m != null && m.residentId() != null)) {
            HouseholdFileRules.check(file, LocalDate.now(clock), ids)
                    .forEach(v -> errors.add(new Problem.FieldError(v.field(), v.message())));
        }
        if (file.villageCode() != null && file.villageCode().matches("\\d{12}")) {
            Division village = divisions.findById(file.villageCode());
            if (village == null || village.level != DivisionLevel.VILLAGE) {
                errors.add(new Problem.FieldError("villageCode", "is not an official village division code"));
            }
        }
        if (!ids.isEmpty() && ids.stream().allMatch(java.util.Objects::nonNull)) {
            Map<String, Integer> positionByHash = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                positionByHash.put(documents.hashOfResidentId(ids.get(i).value()), i);
            }
            households.activeElsewhere(positionByHash.keySet(), ownHousehold).keySet().forEach(hash -> errors.add(
                    new Problem.FieldError("members[" + positionByHash.get(hash) + "].residentId",
                            "already belongs to another active household")));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return new Outcome(ids, List.copyOf(errors));
    }
}
