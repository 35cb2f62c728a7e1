package org.ruralcredit.importfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.validation.PersonName;
import org.ruralcredit.commons.validation.PlainText;

/**
 * A household's credit file (农户信用档案) as an official writes it, from the form or an import
 * row. Field rules are annotations; rules across fields (one head, IDs agreeing with sex and
 * birth date, unique IDs) are the registry's (HouseholdFileRules). Amounts are whole yuan. The
 * import file's record: the demo generator writes it, the registry reads and keeps it.
 */
public record HouseholdFile(
        @NotBlank @Pattern(regexp = "\\d{12}", message = "{field.village-code}")
        String villageCode,

        @NotBlank @Size(max = 200) @PlainText String address,
        @Size(max = 20) String phone,
        @NotNull @PositiveOrZero @Max(120) Integer yearsResident,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Member> members,
        @Valid Production production,
        @Valid Land land,
        @Valid Assets assets,
        @Valid IncomeAndExpenses income,
        @Valid Liabilities liabilities,
        @Valid Social social,
        @Size(max = 50) List<@NotNull @Valid PublicOrderFact> publicOrder) {

    static final long MAX_AMOUNT = 1_000_000_000L;

    public HouseholdFile {
        publicOrder = publicOrder == null ? List.of() : publicOrder;
    }

    public Member head() {
        return members == null
                ? null
                : members.stream()
                        .filter(m -> m.relation() == Relation.HEAD)
                        .findFirst()
                        .orElse(null);
    }

    public enum Relation {
        HEAD,
        SPOUSE,
        CHILD,
        PARENT,
        SIBLING,
        GRANDCHILD,
        OTHER
    }

    public enum Education {
        NONE,
        PRIMARY,
        JUNIOR_HIGH,
        SENIOR_HIGH,
        VOCATIONAL,
        COLLEGE,
        BACHELOR_OR_ABOVE
    }

    public enum Health {
        HEALTHY,
        FAIR,
        CHRONIC_ILLNESS,
        DISABLED,
        SERIOUS_ILLNESS
    }

    public enum LabourStatus {
        FULL,
        PARTIAL,
        NONE
    }

    public enum MainBusiness {
        PLANTING,
        BREEDING,
        PROCESSING,
        TRADE,
        SERVICES,
        MIGRANT_WORK
    }

    /**
     * FALSE_INFORMATION (提供虚假信息): the review found facts the household gave to be false; the
     * rating treats it as a veto, not as a public-order violation.
     */
    public enum PublicOrderKind {
        VILLAGE_RULE_VIOLATION,
        PUBLIC_SECURITY_PENALTY,
        COURT_ENFORCEMENT,
        DISHONEST_DEBTOR,
        FALSE_INFORMATION
    }

    /** Sex and birth date may be given to be cross-checked against the resident ID; they are derived from it anyway. */
    public record Member(
            @NotBlank @Size(max = 50) @PersonName String name,
            @NotNull Relation relation,
            @NotBlank String residentId,
            ResidentId.Sex sex,
            @PastOrPresent LocalDate birthDate,
            Education education,
            Health health,
            @Size(max = 50) @PlainText String occupation,
            LabourStatus labourStatus) {}

    public record Production(
            @NotNull MainBusiness mainBusiness,
            @PositiveOrZero @DecimalMax("1000000") BigDecimal scale,
            @Size(max = 10) @PlainText String scaleUnit,
            @NotNull @PositiveOrZero @Max(80) Integer yearsExperience,
            @Size(max = 10) List<@NotBlank @Size(max = 50) @PlainText String> skillsAndCertificates,
            @NotNull @PastOrPresent LocalDate asOf,
            @NotBlank @Size(max = 50) @PlainText String source) {}

    public record Land(
            @NotNull @PositiveOrZero @DecimalMax("100000") BigDecimal contractedMu,
            @NotNull @PositiveOrZero @DecimalMax("100000") BigDecimal transferredInMu,
            @NotNull @PastOrPresent LocalDate asOf,
            @NotBlank @Size(max = 50) @PlainText String source) {}

    public record Assets(
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long housing,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long machinery,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long vehicles,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long livestock,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long deposits,
            @NotNull @PastOrPresent LocalDate asOf,
            @NotBlank @Size(max = 50) @PlainText String source) {}

    public record IncomeAndExpenses(
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long businessIncome,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long wageIncome,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long transferIncome,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long productionExpenses,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long livingExpenses,
            @NotNull @PastOrPresent LocalDate asOf,
            @NotBlank @Size(max = 50) @PlainText String source) {}

    public record Liabilities(
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long bankLoans,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long privateLoans,
            @NotNull @PositiveOrZero @Max(MAX_AMOUNT) Long guaranteesGiven,
            @NotNull @PastOrPresent LocalDate asOf,
            @NotBlank @Size(max = 50) @PlainText String source) {}

    public record Social(
            boolean partyMember,
            boolean villageCadre,
            boolean militaryFamily,
            @NotNull @PositiveOrZero @Max(365) Integer publicWelfareActivities,
            @NotNull @PastOrPresent LocalDate asOf,
            @NotBlank @Size(max = 50) @PlainText String source) {}

    public record PublicOrderFact(
            @NotNull PublicOrderKind kind,
            @NotNull @PastOrPresent LocalDate date,
            @NotBlank @Size(max = 50) @PlainText String source,
            @Size(max = 500) @PlainText String description,
            boolean ongoing) {}
}
