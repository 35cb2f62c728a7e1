package org.ruralcredit.events.sme;

import java.time.LocalDate;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A small firm's archive changed: created, corrected, or a lender reported that the firm obtained
 * financing. Carries the public registration facts and the no-loan status, and nothing that identifies
 * a person: no representative's name, resident ID or phone number.
 * Amounts are whole yuan. {@code financing} is set only when {@code change} is {@code FINANCED}.
 */
public record EnterpriseChanged(
        String uscc,
        String change,
        String name,
        String entityType,
        String industryCode,
        String divisionCode,
        LocalDate foundedOn,
        Long registeredCapital,
        Integer employees,
        boolean hasBankLoan,
        long version,
        Integer score,
        String grade,
        Financing financing) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String FINANCED = "FINANCED";
    /** An agency feed or the firm's own filing changed the archived facts, and so possibly the score. */
    public static final String FACTS_CHANGED = "FACTS_CHANGED";

    public EnterpriseChanged {
        if (uscc == null || !uscc.matches("[0-9A-HJ-NPQRTUW-Y]{18}")) {
            throw new EventFormatException("uscc must be an 18-character unified social credit code");
        }
        if (!List.of(CREATED, UPDATED, FINANCED, FACTS_CHANGED).contains(change)) {
            throw new EventFormatException("change must be CREATED, UPDATED, FINANCED or FACTS_CHANGED");
        }
        if (divisionCode == null || !divisionCode.matches("\\d{9}|\\d{12}")) {
            throw new EventFormatException("divisionCode must be a 9- or 12-digit division code");
        }
        if (FINANCED.equals(change) != (financing != null)) {
            throw new EventFormatException("financing is required exactly when change is FINANCED");
        }
    }

    /** A lender's report that the firm obtained financing: amount in yuan, the date, the lender. */
    public record Financing(String institution, long amount, LocalDate financedOn) {}
}
