package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.gateway.config.QueryConfig;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.QueryRules;
import org.ruralcredit.gateway.domain.RegisterChain;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.domain.VillageList;
import org.ruralcredit.gateway.repository.ConsentRepository;
import org.ruralcredit.gateway.repository.LoanRepository;

/**
 * Decides a report request and writes it to the query register, granted or refused, in one
 * transaction of its own that commits before anything else happens (no register entry, no data).
 * A granted loan-application consent is spent in the same transaction, under the consent's row
 * lock, so two simultaneous requests cannot both use it. Requests waiting together are decided in one
 * transaction ({@link RegisterGroupCommit}).
 */
@ApplicationScoped
public class ReportRequestService {

    /** Who asks, as the token says. */
    public record Asker(String username, String institution, String accountType) {

        /**
         * Keycloak names a client's service account "service-account-<client>" and it has no person
         * behind it; such a token counts as a service account even if nobody set its account_type claim.
         */
        public static Asker fromToken(String username, String institution, String accountTypeClaim) {
            boolean serviceAccount = username != null && username.startsWith("service-account-");
            return new Asker(username, institution, serviceAccount ? "service" : accountTypeClaim);
        }

        /** A named person's account: neither a shared counter nor a system (service) account. */
        public boolean personal() {
            return !"shared".equals(accountType) && !"service".equals(accountType);
        }
    }

    /** The outcome: the register entry and, if refused, why; the consent when there is one. */
    public record Decision(
            long registerSeq, Instant recordedAt, Optional<QueryRules.Refusal> refusal, Optional<Consent> consent) {}

    /** Subject reference in the register when the consent id names no consent. */
    static final String UNKNOWN_SUBJECT = "UNKNOWN";

    private final ConsentRepository consents;
    private final LoanRepository loans;
    private final QueryRegisterService register;
    private final QueryConfig config;
    private final Clock clock;

    public ReportRequestService(
            ConsentRepository consents,
            LoanRepository loans,
            QueryRegisterService register,
            QueryConfig config,
            Clock clock) {
        this.consents = consents;
        this.loans = loans;
        this.register = register;
        this.config = config;
        this.clock = clock;
    }

    /** A report request as {@link #decideAll} takes it. */
    public record Request(Asker asker, UUID consentId, ConsentPurpose purpose, SubjectType reportFor) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Decision decide(Asker asker, UUID consentId, ConsentPurpose purpose, SubjectType reportFor) {
        return decideAll(List.of(new Request(asker, consentId, purpose, reportFor)))
                .get(0);
    }

    /**
     * Decides several requests in one transaction, in their order, one entry each under one lock of
     * the register's chain and one commit: the register's group commit. A consent asked for twice is
     * seen spent by the second request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Decision> decideAll(List<Request> requests) {
        // the chain's lock first, then each consent's row: every path takes them in this order, so a
        // transaction holding a consent never waits for the chain held by one waiting for that consent
        QueryRegisterService.OpenChain chain = register.open();
        List<Decision> decisions = new ArrayList<>(requests.size());
        for (Request r : requests) {
            decisions.add(decide(chain, r, consents.lockedById(r.consentId())));
        }
        return decisions;
    }

    private Decision decide(QueryRegisterService.OpenChain chain, Request request, Optional<Consent> consent) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        ConsentPurpose purpose = request.purpose();
        boolean activeLoan = consent.isPresent()
                && purpose == ConsentPurpose.POST_LOAN_MANAGEMENT
                && loans.activeLoanExists(consent.get().institution, consent.get().subjectHash);
        Asker asker = request.asker();
        Optional<QueryRules.Refusal> refusal = QueryRules.check(
                new QueryRules.Request(
                        asker.accountType(),
                        asker.institution(),
                        purpose,
                        request.reportFor(),
                        consent.map(Consent::state).orElse(null),
                        activeLoan,
                        now,
                        today),
                config.workingHours());
        long seq = register.append(
                chain,
                new RegisterChain.Fields(
                        now,
                        asker.username(),
                        asker.institution(),
                        consent.map(c -> c.subjectType.name())
                                .orElse(request.reportFor().name()),
                        consent.map(c -> c.subjectHash).orElse(UNKNOWN_SUBJECT),
                        purpose.name(),
                        request.consentId(),
                        refusal.isPresent() ? "REFUSED" : "GRANTED",
                        refusal.map(QueryRules.Refusal::registerReason).orElse(null)));
        if (refusal.isEmpty() && consent.get().purpose.singleUse()) {
            consent.get().usedAt = now;
        }
        return new Decision(seq, now, refusal, consent);
    }

    /** The outcome of asking for a village's campaign list: its register entry and, if refused, why. */
    public record ListDecision(long registerSeq, Optional<QueryRules.Refusal> refusal) {}

    /**
     * Decides a village campaign list (整村授信) and writes it to the query register, granted or
     * refused, one entry per list naming the village, committed before any source is asked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ListDecision decideVillageList(Asker asker, String villageCode) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<QueryRules.Refusal> refusal = VillageList.check(asker.accountType(), asker.institution());
        long seq = register.append(new RegisterChain.Fields(
                now,
                asker.username(),
                asker.institution(),
                VillageList.SUBJECT_TYPE,
                villageCode,
                VillageList.PURPOSE,
                null,
                refusal.isPresent() ? "REFUSED" : "GRANTED",
                refusal.map(QueryRules.Refusal::registerReason).orElse(null)));
        return new ListDecision(seq, refusal);
    }
}
