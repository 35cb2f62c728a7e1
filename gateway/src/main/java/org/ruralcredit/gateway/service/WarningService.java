package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.gateway.domain.EarlyWarning;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.domain.WarningRules;
import org.ruralcredit.gateway.domain.WatchState;
import org.ruralcredit.gateway.repository.EarlyWarningRepository;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository;
import org.ruralcredit.gateway.repository.LoanRepository;
import org.ruralcredit.gateway.repository.WatchStateRepository;

/**
 * Turns worsening announcements into warnings for the lenders holding active loans with the subject,
 * and lets a lender's officers list and acknowledge their institution's warnings. A household is
 * matched to loans through the registry household id the gateway learnt from a report on it (a loan
 * application normally starts with one); a firm by its credit code's keyed hash.
 */
@ApplicationScoped
public class WarningService {

    private final EarlyWarningRepository warnings;
    private final WatchStateRepository watched;
    private final LoanRepository loans;
    private final HouseholdLinkRepository links;
    private final Subjects subjects;
    private final Clock clock;

    public WarningService(
            EarlyWarningRepository warnings,
            WatchStateRepository watched,
            LoanRepository loans,
            HouseholdLinkRepository links,
            Subjects subjects,
            Clock clock) {
        this.warnings = warnings;
        this.watched = watched;
        this.loans = loans;
        this.links = links;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The state last seen for (source, subject), replaced by {@code now}; call in the consumer's transaction. */
    public Optional<WatchState> swapState(String source, String subject, WatchState now) {
        Optional<WatchState> previous = watched.locked(source, subject);
        watched.save(source, subject, now, clock.instant());
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
        return warn(
                loans.activeWith(SubjectType.FIRM, List.of(subjects.hash(SubjectType.FIRM, uscc))), eventId, triggers);
    }

    private int warn(List<Loan> active, UUID eventId, List<WarningRules.Trigger> triggers) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int created = 0;
        for (Loan loan : active) {
            for (WarningRules.Trigger t : triggers) {
                EarlyWarning w = new EarlyWarning();
                w.id = UUID.randomUUID();
                w.institution = loan.institution;
                w.loanId = loan.id;
                w.loanRef = loan.loanRef;
                w.kind = t.kind();
                w.detail = t.detail();
                w.detailArgs = t.values();
                w.sourceEventId = eventId;
                w.createdAt = now;
                created += warnings.addOnce(w);
            }
        }
        return created;
    }

    /** The warning's sentence in the reader's language; the English one stored when its values were not kept. */
    public static String detail(EarlyWarning warning, Language language) {
        return warning.detailArgs == null
                ? warning.detail
                : WarningRules.detail(warning.kind, warning.detailArgs, language);
    }

    @Transactional
    public List<EarlyWarning> list(String institution, boolean openOnly, int page, int size) {
        return warnings.newestFirst(institution, openOnly, page, size);
    }

    /** Acknowledging twice keeps the first acknowledgement; another institution's warning is not found. */
    @Transactional
    public EarlyWarning acknowledge(String institution, UUID id, String username) {
        EarlyWarning w = warnings.lockedById(id)
                .filter(found -> found.institution.equals(institution))
                .orElseThrow(() -> ApiException.of(GatewayCodes.WARNING_NOT_FOUND, id));
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
