package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The query rules of credit reporting (先授权、再查询), decided without a database so each rule is
 * tested on its own. The service gathers the facts, the rules give the first refusal or none.
 * Order: who asks (named account of a lender), when (working hours), then the consent.
 */
public final class QueryRules {

    private QueryRules() {
    }

    /** A consent as the rules see it. */
    public record ConsentState(String institution, SubjectType subjectType, ConsentPurpose purpose,
                               LocalDate signedOn, LocalDate expiresOn, boolean revoked, boolean used) {
    }

    /** Everything one request brings. consent is null when the id names no consent. */
    public record Request(String accountType, String callerInstitution, ConsentPurpose purpose,
                          SubjectType reportFor, ConsentState consent, boolean activeLoanWithSubject,
                          Instant now, LocalDate today) {
    }

    /** A refusal: a stable code (the problem type's slug, also the register's reason prefix) and words. */
    public record Refusal(String code, String detail) {
        /** Fits the register's reason column (200). */
        public String registerReason() {
            String reason = code + ": " + detail;
            return reason.length() <= 200 ? reason : reason.substring(0, 200);
        }
    }

    public static Optional<Refusal> check(Request r, WorkingHours hours) {
        if ("shared".equals(r.accountType()) || "service".equals(r.accountType())) {
            return refuse("account-not-personal", "Reports are queried only from a named person's account; this account is marked "
                    + r.accountType() + ".");
        }
        if (r.callerInstitution() == null || r.callerInstitution().isBlank()) {
            return refuse("no-institution", "The account belongs to no institution.");
        }
        if (!hours.allows(r.now())) {
            return refuse("outside-working-hours", "Reports are queried only in working hours (" + hours.describe() + ").");
        }
        ConsentState c = r.consent();
        if (c == null) {
            return refuse("consent-missing", "No consent with this id exists.");
        }
        if (!c.institution().equals(r.callerInstitution())) {
            // Same words as a missing consent would leak that the id exists; say only what the caller may know.
            return refuse("consent-of-another-institution", "The consent was given to another institution.");
        }
        if (c.subjectType() != r.reportFor()) {
            return refuse("consent-subject-mismatch", "The consent is about a " + c.subjectType().name().toLowerCase()
                    + ", not a " + r.reportFor().name().toLowerCase() + ".");
        }
        if (c.revoked()) {
            return refuse("consent-revoked", "The consent was revoked.");
        }
        if (r.today().isAfter(c.expiresOn())) {
            return refuse("consent-expired", "The consent expired on " + c.expiresOn() + ".");
        }
        if (r.today().isBefore(c.signedOn())) {
            return refuse("consent-not-yet-valid", "The consent is valid from " + c.signedOn() + ".");
        }
        if (c.purpose().singleUse() && c.used()) {
            return refuse("consent-used", "The loan-application consent was already used for a query; one consent, one query.");
        }
        if (c.purpose() != r.purpose()) {
            return refuse("purpose-mismatch", "The consent is for " + c.purpose() + ", the request states " + r.purpose() + ".");
        }
        if (r.purpose() == ConsentPurpose.POST_LOAN_MANAGEMENT && !r.activeLoanWithSubject()) {
            return refuse("no-active-loan", "A post-loan query needs an active (unsettled) loan of your institution with the subject.");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }
}
