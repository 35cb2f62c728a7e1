package org.ruralcredit.rating.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.rating.domain.scorecard.LoanRecord;

/** The loan records of many households in one query, through the borrower hashes their heads are known by. */
@ApplicationScoped
public class LoanRecordRepository {

    private final EntityManager em;

    public LoanRecordRepository(EntityManager em) {
        this.em = em;
    }

    /** Loans open now or started or settled on or after {@code since}; households without any are absent. */
    public Map<UUID, LoanRecord> of(List<UUID> households, LocalDate since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.household_id, count(*), count(*) FILTER (WHERE l.ever_overdue), bool_or(l.malicious_default),
                               max(l.updated_at)
                        FROM household_subject s JOIN loan_state l ON l.subject_hash = s.subject_hash
                        WHERE s.household_id = ANY(?1)
                          AND (NOT l.settled OR l.start_date >= ?2 OR l.settled_on >= ?2)
                        GROUP BY s.household_id""")
                .setParameter(1, households.toArray(new UUID[0]))
                .setParameter(2, since)
                .getResultList();
        Map<UUID, LoanRecord> records = new HashMap<>();
        for (Object[] r : rows) {
            records.put(
                    (UUID) r[0],
                    new LoanRecord(
                            ((Number) r[1]).intValue(),
                            ((Number) r[2]).intValue(),
                            (Boolean) r[3],
                            ((Instant) r[4]).atZone(ServiceClock.CHINA).toLocalDate()));
        }
        return records;
    }
}
