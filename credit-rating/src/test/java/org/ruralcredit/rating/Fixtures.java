package org.ruralcredit.rating;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.Village;

/**
 * Test data written straight into the service's own tables: a fresh village of 临山 (330281100)
 * per test, cleared of whatever an earlier run left under the same code, so every test counts
 * only what it created.
 */
@ApplicationScoped
public class Fixtures {

    public static final String LINSHAN = "330281100";
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 1);

    private final EntityManager em;

    public Fixtures(EntityManager em) {
        this.em = em;
    }

    /** A village code of 临山 in 330281100900–999 with no data left in it. */
    @Transactional
    public String freshVillage(int totalHouseholds) {
        String code = LINSHAN + (900 + ThreadLocalRandom.current().nextInt(100));
        em.createNativeQuery(
                        "DELETE FROM objection WHERE campaign_id IN (SELECT id FROM campaign WHERE division_code = ?1)")
                .setParameter(1, code)
                .executeUpdate();
        em.createNativeQuery(
                        "DELETE FROM campaign_household WHERE campaign_id IN (SELECT id FROM campaign WHERE division_code = ?1)")
                .setParameter(1, code)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM campaign WHERE division_code = ?1")
                .setParameter(1, code)
                .executeUpdate();
        em.createNativeQuery(
                        "DELETE FROM household_subject WHERE household_id IN (SELECT household_id FROM household_facts WHERE village_code = ?1)")
                .setParameter(1, code)
                .executeUpdate();
        em.createNativeQuery(
                        "DELETE FROM household_current_rating WHERE household_id IN (SELECT household_id FROM household_facts WHERE village_code = ?1)")
                .setParameter(1, code)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM household_facts WHERE village_code = ?1")
                .setParameter(1, code)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM division_rating WHERE division_code = ?1")
                .setParameter(1, code)
                .executeUpdate();
        Village village = em.find(Village.class, code);
        if (village == null) {
            village = new Village();
            village.code = code;
        }
        village.name = "测试村" + code.substring(9);
        village.townshipCode = LINSHAN;
        village.countyCode = "330281";
        village.totalHouseholds = totalHouseholds;
        village.population = totalHouseholds * 3;
        village.figuresAsOf = AS_OF;
        village.sourceRevision = 1;
        village.updatedAt = Instant.now();
        em.merge(village);
        return code;
    }

    /** The facts of a well-off household (it rates 88, AAA, without a moral standing). */
    public static HouseholdChanged facts(String id, String village, long version, long netAssets) {
        return facts(id, village, version, netAssets, List.of());
    }

    /** The same household, listed as a dishonest debtor: it rates as no credit household, whatever its score. */
    public static HouseholdChanged listedFacts(String id, String village, long version) {
        return facts(
                id,
                village,
                version,
                400_000,
                List.of(new HouseholdChanged.PublicOrderFact("DISHONEST_DEBTOR", AS_OF, "余姚市人民法院", true)));
    }

    private static HouseholdChanged facts(
            String id,
            String village,
            long version,
            long netAssets,
            List<HouseholdChanged.PublicOrderFact> publicOrder) {
        return new HouseholdChanged(
                id,
                village,
                village.substring(0, 9),
                village.substring(0, 6),
                "ACTIVE",
                null,
                version,
                new HouseholdChanged.Head(45, "M", "SENIOR_HIGH", "HEALTHY", "FULL"),
                4,
                2,
                30,
                new HouseholdChanged.Production("TRADE", BigDecimal.ONE, "店", 12, true, AS_OF, "入户调查"),
                null,
                new HouseholdChanged.Assets(netAssets, 50_000, 100_000, 0, 50_000, AS_OF, "入户调查"),
                new HouseholdChanged.IncomeAndExpenses(170_000, 25_000, 5_000, 30_000, 30_000, AS_OF, "入户调查"),
                new HouseholdChanged.Liabilities(50_000, 0, 0, AS_OF, "农商行"),
                new HouseholdChanged.Social(false, false, false, 3, AS_OF, "村委会"),
                publicOrder,
                null,
                null);
    }

    /**
     * A household with facts and, when {@code credit} is not null, a current rating of that kind
     * (as if rated earlier); linked to a borrower hash so reported loans count for it.
     */
    @Transactional
    public UUID household(String village, Boolean credit, String subjectHash) {
        HouseholdFactsRecord r = new HouseholdFactsRecord();
        r.householdId = UUID.randomUUID();
        r.villageCode = village;
        r.townshipCode = village.substring(0, 9);
        r.status = "ACTIVE";
        r.sourceVersion = 1;
        // facts that rate as the given kind, so a re-rating (a loan reported, say) keeps the household what it was
        r.facts = Boolean.FALSE.equals(credit)
                ? listedFacts(r.householdId.toString(), village, 1)
                : facts(r.householdId.toString(), village, 1, 400_000);
        r.needsRating = false;
        r.updatedAt = Instant.now();
        em.persist(r);
        if (credit != null) {
            em.flush();
            em.createNativeQuery("""
                            INSERT INTO household_current_rating (household_id, newest_rating_id, newest_grade,
                                newest_credit_household, newest_points) VALUES (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, r.householdId)
                    .setParameter(2, UUID.randomUUID())
                    .setParameter(3, credit ? "AA" : "NONE")
                    .setParameter(4, credit)
                    .setParameter(5, credit ? 75 : 50)
                    .executeUpdate();
        }
        if (subjectHash != null) {
            em.createNativeQuery("INSERT INTO household_subject (subject_hash, household_id) VALUES (?1, ?2)")
                    .setParameter(1, subjectHash)
                    .setParameter(2, r.householdId)
                    .executeUpdate();
        }
        return r.householdId;
    }

    /**
     * A township of its own (330281900–999, used by no other test) emptied of earlier runs' data,
     * with the given number of households in each of its villages (201, 202, …). Returns the
     * township's code and its households.
     */
    @Transactional
    public Map.Entry<String, Set<UUID>> freshTownship(int... householdsPerVillage) {
        return freshTownshipBeside("", householdsPerVillage);
    }

    /** {@link #freshTownship}, never the township {@code other} (which it would empty). */
    @Transactional
    public Map.Entry<String, Set<UUID>> freshTownshipBeside(String other, int... householdsPerVillage) {
        String township;
        do {
            township = "330281" + (900 + ThreadLocalRandom.current().nextInt(100));
        } while (township.equals(other));
        String below = township + "%";
        em.createNativeQuery(
                        "DELETE FROM campaign_household WHERE campaign_id IN (SELECT id FROM campaign WHERE division_code LIKE ?1)")
                .setParameter(1, below)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM campaign WHERE division_code LIKE ?1")
                .setParameter(1, below)
                .executeUpdate();
        em.createNativeQuery(
                        "DELETE FROM household_current_rating WHERE household_id IN (SELECT household_id FROM household_facts WHERE township_code = ?1)")
                .setParameter(1, township)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM household_facts WHERE township_code = ?1")
                .setParameter(1, township)
                .executeUpdate();
        Set<UUID> households = new HashSet<>();
        for (int v = 0; v < householdsPerVillage.length; v++) {
            String village = township + (201 + v);
            for (int i = 0; i < householdsPerVillage[v]; i++) {
                HouseholdFactsRecord r = new HouseholdFactsRecord();
                r.householdId = UUID.randomUUID();
                r.villageCode = village;
                r.townshipCode = township;
                r.status = "ACTIVE";
                r.sourceVersion = 1;
                r.facts = facts(r.householdId.toString(), village, 1, 400_000);
                r.updatedAt = Instant.now();
                em.persist(r);
                households.add(r.householdId);
            }
        }
        return Map.entry(township, households);
    }

    /** Replaces a household's facts as a registry correction would (without marking it for re-rating). */
    @Transactional
    public void correctFacts(UUID household, long netAssets) {
        HouseholdFactsRecord r = em.find(HouseholdFactsRecord.class, household);
        r.sourceVersion += 1;
        r.facts = facts(household.toString(), r.villageCode, r.sourceVersion, netAssets);
        r.updatedAt = Instant.now();
    }

    /** Lists a household as a dishonest debtor, as a registry correction would: it rates as no credit household. */
    @Transactional
    public void listAsDebtor(UUID household) {
        HouseholdFactsRecord r = em.find(HouseholdFactsRecord.class, household);
        r.sourceVersion += 1;
        r.facts = listedFacts(household.toString(), r.villageCode, r.sourceVersion);
        r.updatedAt = Instant.now();
    }

    /** How a fixture borrower's loans stand: repaid, non-performing, or still running without an outcome. */
    public enum LoanOutcome {
        REPAID,
        NON_PERFORMING,
        RUNNING
    }

    /**
     * A borrower household rated {@code points} ({@code grade}) by household-default v1 on the day
     * before {@code ratedBefore}, with one loan started on each of {@code starts}; {@code bad} makes
     * the loans non-performing, otherwise they were repaid.
     */
    public void scoredBorrower(int points, String grade, LocalDate ratedBefore, boolean bad, LocalDate... starts) {
        scoredBorrower(points, grade, ratedBefore, bad ? LoanOutcome.NON_PERFORMING : LoanOutcome.REPAID, starts);
    }

    /** As above, with loans that stand as {@code outcome}. */
    @Transactional
    public void scoredBorrower(
            int points, String grade, LocalDate ratedBefore, LoanOutcome outcome, LocalDate... starts) {
        boolean bad = outcome == LoanOutcome.NON_PERFORMING;
        boolean settled = outcome == LoanOutcome.REPAID;
        UUID household = UUID.randomUUID();
        String hash = randomHash();
        em.createNativeQuery("INSERT INTO household_subject (subject_hash, household_id) VALUES (?1, ?2)")
                .setParameter(1, hash)
                .setParameter(2, household)
                .executeUpdate();
        em.createNativeQuery("""
                        INSERT INTO household_rating (id, household_id, village_code, model_code, model_version, total_points,
                            grade, credit_household, vetoes, indicators, reasons, inputs_as_of, status, rated_by,
                            source_version, rated_at)
                        VALUES (?1, ?2, '330281100999', 'household-default', 1, ?3, ?4, ?5, '[]', '[]', '[]', '{}',
                            'FINAL', 'CAMPAIGN', 1, ?6)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, household)
                .setParameter(3, points)
                .setParameter(4, grade)
                .setParameter(5, !"NONE".equals(grade))
                .setParameter(
                        6, ratedBefore.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .executeUpdate();
        for (LocalDate start : starts) {
            em.createNativeQuery("""
                            INSERT INTO loan_state (loan_id, institution, subject_type, subject_hash, amount_fen,
                                outstanding_fen, overdue_days, classification, non_performing, ever_non_performing,
                                settled, start_date, settled_on, revision, updated_at)
                            VALUES (?1, 'YYRCB', 'HOUSEHOLD', ?2, 5000000, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, 3, now())""")
                    .setParameter(1, UUID.randomUUID().toString())
                    .setParameter(2, hash)
                    .setParameter(3, settled ? 0L : 5_000_000L)
                    .setParameter(4, bad ? 200 : 0)
                    .setParameter(5, bad ? "DOUBTFUL" : "NORMAL")
                    .setParameter(6, bad)
                    .setParameter(7, settled)
                    .setParameter(8, start)
                    .setParameter(9, settled ? start.plusMonths(10) : null)
                    .executeUpdate();
        }
    }

    /**
     * Removes the loans that start in {@code year}: tests that take a far-future year of their own
     * at random share one database across runs, so a year drawn before must be emptied first.
     */
    @Transactional
    public void clearLoansStartingIn(int year) {
        em.createNativeQuery("DELETE FROM loan_state WHERE start_date >= ?1 AND start_date < ?2")
                .setParameter(1, LocalDate.of(year, 1, 1))
                .setParameter(2, LocalDate.of(year + 1, 1, 1))
                .executeUpdate();
    }

    /** The household model's active version, read from the table. */
    @Transactional
    public int activeModelVersion() {
        return ((Number) em.createNativeQuery(
                                "SELECT version FROM scorecard_model WHERE code = 'household-default' AND status = 'ACTIVE'")
                        .getSingleResult())
                .intValue();
    }

    /** Activates a household model version straight in the table, as another replica's activation would. */
    @Transactional
    public void activateElsewhere(int version) {
        em.createNativeQuery(
                        "UPDATE scorecard_model SET status = 'RETIRED' WHERE code = 'household-default' AND status = 'ACTIVE'")
                .executeUpdate();
        em.createNativeQuery("""
                        UPDATE scorecard_model SET status = 'ACTIVE', activated_by = 'credit-admin', activated_at = now()
                        WHERE code = 'household-default' AND version = ?1""").setParameter(1, version).executeUpdate();
    }

    /** The households a campaign rated, one entry per result row. */
    @SuppressWarnings("unchecked")
    public List<UUID> campaignHouseholds(UUID campaign) {
        return em.createNativeQuery("SELECT household_id FROM campaign_household WHERE campaign_id = ?1", UUID.class)
                .setParameter(1, campaign)
                .getResultList();
    }

    @Transactional
    public long loansOf(String subjectHash) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM loan_state WHERE subject_hash = ?1")
                        .setParameter(1, subjectHash)
                        .getSingleResult())
                .longValue();
    }

    /** A loan of the household named by {@code household}, the way the gateway reports it once it knows the borrower. */
    public static EventEnvelope<LoanChanged> loan(
            String hash,
            UUID household,
            long outstandingFen,
            int overdueDays,
            String classification,
            boolean settled,
            int revision,
            String loanId) {
        boolean npl = List.of("SUBSTANDARD", "DOUBTFUL", "LOSS").contains(classification);
        LoanChanged data = new LoanChanged(
                loanId,
                "YYRCB",
                "L-" + loanId.substring(0, 8),
                revision == 1 ? LoanChanged.REPORTED : LoanChanged.STATUS,
                "HOUSEHOLD",
                hash,
                household.toString(),
                5_000_000,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2027, 3, 1),
                "种植",
                outstandingFen,
                overdueDays,
                classification,
                npl,
                false,
                settled,
                settled ? LocalDate.of(2026, 9, 1) : null,
                revision);
        return new EventEnvelope<>(
                UUID.randomUUID(), EventCatalog.LOAN_CHANGED.name(), Instant.now(), loanId, "gateway", data);
    }

    /** Waits until the condition holds (events are consumed and batches run in the background). */
    public static void eventually(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    public static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
