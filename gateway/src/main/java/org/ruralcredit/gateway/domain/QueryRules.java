package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.codes.GatewayCodes;

/**
 * The query rules of credit reporting (先授权、再查询), decided without a database so each rule is
 * tested on its own. The service gathers the facts, the rules give the first refusal or none.
 * Order: who asks (named account of a lender), when (working hours), then the consent.
 */
public final class QueryRules {

    private QueryRules() {}

    /** A consent as the rules see it. */
    public record ConsentState(
            String institution,
            SubjectType subjectType,
            ConsentPurpose purpose,
            LocalDate signedOn,
            LocalDate expiresOn,
            boolean revoked,
            boolean used) {}

    /** Everything one request brings. consent is null when the id names no consent. */
    public record Request(
            String accountType,
            String callerInstitution,
            ConsentPurpose purpose,
            SubjectType reportFor,
            ConsentState consent,
            boolean activeLoanWithSubject,
            Instant now,
            LocalDate today) {}

    /**
     * A refusal: its code (the problem's type slug is also the register's reason prefix) and the
     * values its text names, without the register entry, which is known only once it is written.
     */
    public record Refusal(GatewayCodes code, List<Object> args) {

        /** The slug of the problem type, e.g. {@code consent-expired}. */
        public String slug() {
            return code.type();
        }

        /** The values of the problem's text: the refusal's own, then the register entry. */
        public Object[] argsWithEntry(long entry) {
            List<Object> all = new ArrayList<>(args);
            all.add(entry);
            return all.toArray();
        }

        /** The refusal in English, without the sentence naming the register entry (for the register and logs). */
        public String detail() {
            String text =
                    ProblemCatalogue.message(code.code(), ProblemCatalogue.args(code, argsWithEntry(0)), Language.EN);
            int register = text.indexOf(REGISTER_SENTENCE);
            return register < 0 ? text : text.substring(0, register);
        }

        /** Fits the register's reason column (200). */
        public String registerReason() {
            String reason = slug() + ": " + detail();
            return reason.length() <= 200 ? reason : reason.substring(0, 200);
        }
    }

    private static final String REGISTER_SENTENCE = " The refused request is in the query register";

    public static Optional<Refusal> check(Request r, WorkingHours hours) {
        if ("shared".equals(r.accountType()) || "service".equals(r.accountType())) {
            return refuse(GatewayCodes.QUERY_ACCOUNT_NOT_PERSONAL, r.accountType());
        }
        if (r.callerInstitution() == null || r.callerInstitution().isBlank()) {
            return refuse(GatewayCodes.QUERY_NO_INSTITUTION);
        }
        if (!hours.allows(r.now())) {
            return refuse(GatewayCodes.QUERY_OUTSIDE_WORKING_HOURS, hours.describe());
        }
        ConsentState c = r.consent();
        if (c == null) {
            return refuse(GatewayCodes.QUERY_CONSENT_MISSING);
        }
        if (!c.institution().equals(r.callerInstitution())) {
            // Same words as a missing consent would leak that the id exists; say only what the caller may know.
            return refuse(GatewayCodes.QUERY_CONSENT_OF_ANOTHER_INSTITUTION);
        }
        if (c.subjectType() != r.reportFor()) {
            return refuse(
                    c.subjectType() == SubjectType.HOUSEHOLD
                            ? GatewayCodes.QUERY_CONSENT_ABOUT_HOUSEHOLD
                            : GatewayCodes.QUERY_CONSENT_ABOUT_FIRM);
        }
        if (c.revoked()) {
            return refuse(GatewayCodes.QUERY_CONSENT_REVOKED);
        }
        if (r.today().isAfter(c.expiresOn())) {
            return refuse(GatewayCodes.QUERY_CONSENT_EXPIRED, c.expiresOn());
        }
        if (r.today().isBefore(c.signedOn())) {
            return refuse(GatewayCodes.QUERY_CONSENT_NOT_YET_VALID, c.signedOn());
        }
        if (c.purpose().singleUse() && c.used()) {
            return refuse(GatewayCodes.QUERY_CONSENT_USED);
        }
        if (c.purpose() != r.purpose()) {
            return refuse(
                    GatewayCodes.QUERY_PURPOSE_MISMATCH,
                    c.purpose().name(),
                    r.purpose().name());
        }
        if (r.purpose() == ConsentPurpose.POST_LOAN_MANAGEMENT && !r.activeLoanWithSubject()) {
            return refuse(GatewayCodes.QUERY_NO_ACTIVE_LOAN);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(GatewayCodes code, Object... args) {
        return Optional.of(new Refusal(code, List.of(args)));
    }
}
