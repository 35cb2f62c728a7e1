package org.ruralcredit.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.validation.FieldRules;
import org.ruralcredit.importfile.HouseholdFile;

/**
 * Rules across the fields of one file, after the field rules passed: exactly one head, every
 * resident ID valid (GB 11643) and agreeing with any sex and birth date given, no ID twice in
 * one household, a phone that is a phone. Returns every broken rule, each with its field path,
 * its code and the values its text names (written in the caller's language at the edge).
 */
public final class HouseholdFileRules {

    /** The file with IDs parsed, ready to store. */
    public record Checked(HouseholdFile file, List<ResidentId> memberIds, String phone) {}

    private HouseholdFileRules() {}

    /**
     * The rules {@link #check} applies, as data for a device that checks a file before sending it
     * (service-commons' FieldRules), by the file's field paths ({@code []}: any member).
     */
    public static Map<String, List<FieldRules.Rule>> described() {
        return Map.of(
                "members",
                List.of(FieldRules.check(
                        "OneHead",
                        RegistryCodes.HOUSEHOLD_ONE_HEAD,
                        Map.of("relation", HouseholdFile.Relation.HEAD.name()))),
                "members[].residentId",
                List.of(
                        FieldRules.residentId(),
                        FieldRules.check("UniqueInFile", RegistryCodes.MEMBER_RESIDENT_ID_REPEATED, Map.of())),
                "members[].sex",
                List.of(FieldRules.check(
                        "AgreesWithResidentId",
                        RegistryCodes.MEMBER_SEX_DISAGREES,
                        Map.of("part", "sex", "rule", "the 17th digit: odd M, even F"))),
                "members[].birthDate",
                List.of(FieldRules.check(
                        "AgreesWithResidentId",
                        RegistryCodes.MEMBER_BIRTH_DATE_DISAGREES,
                        Map.of("part", "birthDate", "rule", "digits 7 to 14, YYYYMMDD"))),
                "phone",
                List.of(FieldRules.phoneNumber(RegistryCodes.PHONE_INVALID)));
    }

    public static List<FieldError> check(HouseholdFile file, LocalDate today, List<ResidentId> parsedIds) {
        List<FieldError> violations = new ArrayList<>();
        long heads = file.members().stream()
                .filter(m -> m.relation() == HouseholdFile.Relation.HEAD)
                .count();
        if (heads != 1) {
            violations.add(FieldError.of("members", RegistryCodes.HOUSEHOLD_ONE_HEAD, heads));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < file.members().size(); i++) {
            HouseholdFile.Member member = file.members().get(i);
            String field = "members[" + i + "].";
            ResidentId.Result parsed = ResidentId.parse(member.residentId(), today);
            if (!parsed.valid()) {
                violations.add(FieldError.of(field + "residentId", parsed.refusalCode()));
                parsedIds.add(null);
                continue;
            }
            ResidentId id = parsed.id().get();
            parsedIds.add(id);
            if (member.sex() != null && member.sex() != id.sex()) {
                violations.add(FieldError.of(
                        field + "sex",
                        RegistryCodes.MEMBER_SEX_DISAGREES,
                        id.sex().name()));
            }
            if (member.birthDate() != null && !member.birthDate().equals(id.birthDate())) {
                violations.add(
                        FieldError.of(field + "birthDate", RegistryCodes.MEMBER_BIRTH_DATE_DISAGREES, id.birthDate()));
            }
            Integer earlier = seen.putIfAbsent(id.value(), i);
            if (earlier != null) {
                violations.add(FieldError.of(field + "residentId", RegistryCodes.MEMBER_RESIDENT_ID_REPEATED, earlier));
            }
        }
        if (file.phone() != null && !file.phone().isBlank() && PhoneNumber.normalise(file.phone()) == null) {
            violations.add(FieldError.of("phone", RegistryCodes.PHONE_INVALID));
        }
        return violations;
    }
}
