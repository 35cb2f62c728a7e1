package org.ruralcredit.registry.domain;

import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules across the fields of one file, after the field rules passed: exactly one head, every
 * resident ID valid (GB 11643) and agreeing with any sex and birth date given, no ID twice in
 * one household, a phone that is a phone. Returns every broken rule, each with its field path.
 */
public final class HouseholdFileRules {

    public record Violation(String field, String message) {
    }

    /** The file with IDs parsed, ready to store. */
    public record Checked(HouseholdFile file, List<ResidentId> memberIds, String phone) {
    }

    private HouseholdFileRules() {
    }

    public static List<Violation> check(HouseholdFile file, LocalDate today, List<ResidentId> parsedIds) {
        List<Violation> violations = new ArrayList<>();
        long heads = file.members().stream().filter(m -> m.relation() == HouseholdFile.Relation.HEAD).count();
        if (heads != 1) {
            violations.add(new Violation("members", "must contain exactly one member with relation HEAD (has " + heads + ")"));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < file.members().size(); i++) {
            HouseholdFile.Member member = file.members().get(i);
            String field = "members[" + i + "].";
            ResidentId.Result parsed = ResidentId.parse(member.residentId(), today);
            if (!parsed.valid()) {
                violations.add(new Violation(field + "residentId", parsed.refusal()));
                parsedIds.add(null);
                continue;
            }
            ResidentId id = parsed.id().get();
            parsedIds.add(id);
            if (member.sex() != null && member.sex() != id.sex()) {
                violations.add(new Violation(field + "sex", "does not agree with the resident ID (which says " + id.sex() + ")"));
            }
            if (member.birthDate() != null && !member.birthDate().equals(id.birthDate())) {
                violations.add(new Violation(field + "birthDate",
                        "does not agree with the resident ID (which says " + id.birthDate() + ")"));
            }
            Integer earlier = seen.putIfAbsent(id.value(), i);
            if (earlier != null) {
                violations.add(new Violation(field + "residentId", "is the same as members[" + earlier + "]"));
            }
        }
        if (file.phone() != null && !file.phone().isBlank() && PhoneNumber.normalise(file.phone()) == null) {
            violations.add(new Violation("phone", "must be a mobile (11 digits) or fixed-line number"));
        }
        return violations;
    }
}
