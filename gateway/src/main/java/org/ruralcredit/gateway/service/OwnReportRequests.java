package org.ruralcredit.gateway.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.QueryRegisterEntry;
import org.ruralcredit.gateway.repository.ConsentRepository;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;

/**
 * A loan officer's own report requests, read from the query register. Reports are built from the
 * sources on each request and not kept, so a request cannot be reopened: what the officer gets back
 * is when, under which consent, about whom (masked as the consent shows it) and with what outcome;
 * asking again is a new registered request, refused if the consent is spent, revoked or expired.
 */
@ApplicationScoped
public class OwnReportRequests {

    /** One request; {@code subject} is null when the consent it named does not exist. */
    public record ReportRequestView(
            long registerSeq,
            Instant requestedAt,
            String subjectType,
            String subject,
            String purpose,
            UUID consentId,
            String outcome,
            String refusal) {}

    public record Listing(List<ReportRequestView> items, long total) {}

    private final QueryRegisterRepository register;
    private final ConsentRepository consents;
    private final Subjects subjects;

    public OwnReportRequests(QueryRegisterRepository register, ConsentRepository consents, Subjects subjects) {
        this.register = register;
        this.consents = consents;
        this.subjects = subjects;
    }

    /** Only the caller's own: the register's username and institution are the token's. */
    @Transactional
    public Listing of(Caller caller, int page, int size) {
        QueryRegisterRepository.Listing found =
                register.reportRequestsOf(caller.username(), caller.institution(), page, size);
        Map<UUID, Consent> named = consents
                .byIds(found.items().stream()
                        .map(e -> e.consentId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        return new Listing(
                found.items().stream().map(e -> view(e, named.get(e.consentId))).toList(), found.total());
    }

    private ReportRequestView view(QueryRegisterEntry e, Consent c) {
        String subject = c == null ? null : subjects.masked(c.subjectType, c.subjectIdEnc);
        // The register's reason is "<code>: <detail>"; the code is what a page can name in any language.
        String refusal = e.reason == null ? null : e.reason.split(":", 2)[0].strip();
        return new ReportRequestView(
                e.seq, e.recordedAt, e.subjectType, subject, e.purpose, e.consentId, e.outcome, refusal);
    }
}
