package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.gateway.domain.EarlyWarning;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.domain.WarningRules;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository;
import org.ruralcredit.gateway.repository.LoanRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns worsening announcements into warnings for the lenders holding active loans with the subject,
 * and lets a lender's officers list and acknowledge their institution's warnings. A household is
 * matched to loans through the registry household id the gateway learnt from a report on it (a loan
 * application normally starts with one); a firm by its credit code's keyed hash.
 */
@ApplicationScoped
public class WarningService {

    /** Last seen state of a watched subject. */
    public record Seen(String grade, Integer score, Boolean flag) {
    }

    private final EntityManager em;
    private final LoanRepository loans;
    private final HouseholdLinkRepository links;
    private final Subjects subjects;
    private final Clock clock;
    private final ObjectMapper json;

    public WarningService(EntityManager em, LoanRepository loans, HouseholdLinkRepository links, Subjects subjects,
                          Clock clock, ObjectMapper json) {
        this.json = json;
        this.em = em;
        this.loans = loans;
        this.links = links;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The state last seen for (source, subject), replaced by {@code now}; call in the consumer's transaction. */
    public Optional<Seen> swapState(String source, String subject, Seen now) {
        List<?> rows = em.createNativeQuery("SELECT grade, score, flag FROM watch_state WHERE source = ?1 AND subject = ?2 FOR UPDATE")
                .setParameter(1, source).setParameter(2, subject).getResultList();
        Optional<Seen> previous = rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new Seen((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(), (Boolean) row[2]);
        });
        em.createNativeQuery("""
                        INSERT INTO watch_state (source, subject, grade, score, flag, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (source, subject) DO UPDATE SET grade = EXCLUDED.grade, score = EXCLUDED.score,
                            flag = EXCLUDED.flag, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, source).setParameter(2, subject).setParameter(3, now.grade())
                .setParameter(4, now.score()).setParameter(5, now.flag()).setParameter(6, clock.instant())
                .executeUpdate();
        return previous;
    }

    /** Warnings for the active loans with a household; the number created. */
    public int warnHousehold(UUID householdId, UUID eventId, List<WarningRules.Trigger> triggers) {
        if (triggers.isEmpty()) {
            return 0;
        }
        return warn(loans.activeWith(SubjectType.HOUSEHOLD, links.subjectsOf(householdId)), eventId, triggers);
    }

    public int warnFirm(String uscc, UUID eventId, List<WarningRules.Trigger> triggers) {
        if (triggers.isEmpty()) {
            return 0;
        }
        return warn(loans.activeWith(SubjectType.FIRM, List.of(subjects.hash(SubjectType.FIRM, uscc))), eventId, triggers);
    }

    private int warn(List<Loan> active, UUID eventId, List<WarningRules.Trigger> triggers) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int created = 0;
        for (Loan loan : active) {
            for (WarningRules.Trigger t : triggers) {
                created += em.createNativeQuery("""
                                INSERT INTO early_warning (id, institution, loan_id, loan_ref, kind, detail, detail_args, source_event_id, created_at)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?9 AS jsonb), ?7, ?8) ON CONFLICT (loan_id, source_event_id, kind) DO NOTHING""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, loan.institution).setParameter(3, loan.id)
                        .setParameter(4, loan.loanRef).setParameter(5, t.kind().name()).setParameter(6, t.detail())
                        .setParameter(7, eventId).setParameter(8, now).setParameter(9, json(t.values())).executeUpdate();
            }
        }
        return created;
    }

    private String json(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a warning's values cannot be written as JSON", e);
        }
    }

    /** The warning's sentence in the reader's language; the English one stored when its values were not kept. */
    public static String detail(EarlyWarning warning, Language language) {
        return warning.detailArgs == null ? warning.detail : WarningRules.detail(warning.kind, warning.detailArgs, language);
    }

    @Transactional
    public List<EarlyWarning> list(String institution, boolean openOnly, int page, int size) {
        String query = "from EarlyWarning where institution = ?1" + (openOnly ? " and acknowledgedAt is null" : "")
                + " order by createdAt desc, id";
        return em.createQuery(query, EarlyWarning.class).setParameter(1, institution)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** Acknowledging twice keeps the first acknowledgement; another institution's warning is not found. */
    @Transactional
    public EarlyWarning acknowledge(String institution, UUID id, String username) {
        EarlyWarning w = em.find(EarlyWarning.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.institution.equals(institution)) {
            throw ApiException.of(GatewayCodes.WARNING_NOT_FOUND, id);
        }
        if (w.acknowledgedAt == null) {
            w.acknowledgedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            w.acknowledgedBy = username;
        }
        return w;
    }

    /** The loan's subject, masked, for the list. */
    @Transactional
    public String maskedSubjectOf(UUID loanId) {
        Loan l = loans.findById(loanId);
        return subjects.masked(l.subjectType, l.subjectIdEnc);
    }
}
