package org.ruralcredit.events.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A household's credit file was created, corrected or closed. Carries the facts the scorecard
 * reads (event-carried state), each group with its as-of date and source, and nothing that
 * identifies a person in plain: no names, resident IDs or phone numbers, only the household id, its
 * {@link ReportIdentity} (masked forms and a keyed hash, for the gateway's read model) and its
 * division codes. Amounts are whole yuan; a group not yet collected is null.
 */
public record HouseholdChanged(
        String householdId,
        String villageCode,
        String townshipCode,
        String countyCode,
        String status,
        String closedReason,
        long version,
        Head head,
        int memberCount,
        int labourCount,
        int yearsResident,
        Production production,
        Land land,
        Assets assets,
        IncomeAndExpenses income,
        Liabilities liabilities,
        Social social,
        List<PublicOrderFact> publicOrder,
        ReportIdentity identity,
        Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";

    public HouseholdChanged {
        if (householdId == null || villageCode == null || !villageCode.matches("\\d{12}")) {
            throw new EventFormatException("householdId and a 12-digit villageCode are required");
        }
        if (!villageCode.startsWith(String.valueOf(townshipCode))
                || !villageCode.startsWith(String.valueOf(countyCode))) {
            throw new EventFormatException("townshipCode and countyCode must be prefixes of villageCode");
        }
        if (!ACTIVE.equals(status) && !CLOSED.equals(status)) {
            throw new EventFormatException("status must be ACTIVE or CLOSED");
        }
        publicOrder = publicOrder == null ? List.of() : List.copyOf(publicOrder);
    }

    /**
     * How a credit report names the head, and how the gateway finds the file for a consent: the
     * head's resident ID as the platform's keyed lookup hash (HMAC under the lookup key the registry
     * and the gateway share; not reversible without it), the name and the ID masked as reports show
     * them (王**, 330281********1234). Null in events written before it was added.
     */
    public record ReportIdentity(String headLookupHash, String headName, String headResidentId) {}

    /** The head of household, without identity: age at the time of the event. */
    public record Head(int ageYears, String sex, String education, String health, String labourStatus) {}

    public record Production(
            String mainBusiness,
            BigDecimal scale,
            String scaleUnit,
            int yearsExperience,
            boolean hasCertificates,
            LocalDate asOf,
            String source) {}

    public record Land(BigDecimal contractedMu, BigDecimal transferredInMu, LocalDate asOf, String source) {}

    public record Assets(
            long housing, long machinery, long vehicles, long livestock, long deposits, LocalDate asOf, String source) {
        public long total() {
            return housing + machinery + vehicles + livestock + deposits;
        }
    }

    public record IncomeAndExpenses(
            long businessIncome,
            long wageIncome,
            long transferIncome,
            long productionExpenses,
            long livingExpenses,
            LocalDate asOf,
            String source) {
        public long totalIncome() {
            return businessIncome + wageIncome + transferIncome;
        }

        public long netIncome() {
            return totalIncome() - productionExpenses - livingExpenses;
        }
    }

    public record Liabilities(long bankLoans, long privateLoans, long guaranteesGiven, LocalDate asOf, String source) {
        public long total() {
            return bankLoans + privateLoans;
        }
    }

    public record Social(
            boolean partyMember,
            boolean villageCadre,
            boolean militaryFamily,
            int publicWelfareActivities,
            LocalDate asOf,
            String source) {}

    /**
     * A public-order fact: VILLAGE_RULE_VIOLATION, PUBLIC_SECURITY_PENALTY, COURT_ENFORCEMENT or
     * DISHONEST_DEBTOR (失信被执行人), with its date and source.
     */
    public record PublicOrderFact(String kind, LocalDate date, String source, boolean ongoing) {}
}
