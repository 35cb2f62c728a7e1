package org.ruralcredit.gateway.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.creditline.LenderPolicy;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository.Link;
import org.ruralcredit.gateway.repository.ReportModelRepository;
import org.ruralcredit.gateway.repository.ReportModelRepository.HouseholdRow;
import org.ruralcredit.gateway.service.sources.MoralityClient;
import org.ruralcredit.gateway.service.sources.RatingClient;

/**
 * The read model household reports are served from: kept from the registry's, credit-rating's and
 * the moral bank's announcements (lenders' policies too, which the offers are sized on), read in one
 * query per report. The head's masked name and ID are
 * sealed with the platform's cipher like every identifier the gateway keeps.
 */
@ApplicationScoped
public class ReportModel {

    /** A file's facts as registry.household.v1 carries them, each group with its as-of date and source. */
    public record Facts(
            HouseholdChanged.Production production,
            HouseholdChanged.Land land,
            HouseholdChanged.Assets assets,
            HouseholdChanged.IncomeAndExpenses income,
            HouseholdChanged.Liabilities liabilities,
            HouseholdChanged.Social social,
            List<HouseholdChanged.PublicOrderFact> publicOrder) {}

    /** The part of a file a report shows beside identity. */
    public record StoredProfile(int members, int yearsResident, JsonNode facts) {}

    /** The registry's file of a household as the model holds it, head masked. */
    public record File(
            UUID householdId,
            String villageCode,
            String townshipCode,
            String status,
            String headName,
            String headResidentId,
            int members,
            int yearsResident,
            JsonNode facts,
            long version,
            Instant updatedAt,
            Instant asOf) {
        public boolean active() {
            return HouseholdChanged.ACTIVE.equals(status);
        }
    }

    /** What the model knows of a subject's household; a null part was never announced. */
    public record Known(
            UUID householdId,
            File file,
            List<RatingClient.Rating> ratings,
            Instant ratingAsOf,
            MoralityClient.Profile morality,
            Instant moralityAsOf) {}

    /**
     * A village's active file, head masked, with its facts (as {@link File#facts}) and its current
     * rating (null: never rated).
     */
    public record VillageFile(
            UUID householdId, String headName, String headResidentId, JsonNode facts, RatingClient.Rating rating) {}

    private static final TypeReference<List<RatingClient.Rating>> RATINGS = new TypeReference<>() {};

    private final ReportModelRepository model;
    private final HouseholdLinkRepository links;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    public ReportModel(
            ReportModelRepository model, HouseholdLinkRepository links, PersonalDataCipher cipher, ObjectMapper json) {
        this.model = model;
        this.links = links;
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Keeps a file's announcement unless a newer version is kept, and links the head's keyed hash to
     * an active file (how a consent finds its household).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyHousehold(EventEnvelope<?> event, HouseholdChanged h) {
        HouseholdChanged.ReportIdentity identity = h.identity();
        UUID householdId = registryId(h.householdId());
        if (householdId == null) {
            return false;
        }
        Facts facts = new Facts(
                h.production(), h.land(), h.assets(), h.income(), h.liabilities(), h.social(), h.publicOrder());
        boolean applied = model.saveHousehold(new HouseholdRow(
                householdId,
                h.villageCode(),
                h.townshipCode(),
                h.status(),
                identity == null || identity.headName() == null ? null : cipher.encrypt(identity.headName()),
                identity == null || identity.headResidentId() == null
                        ? null
                        : cipher.encrypt(identity.headResidentId()),
                write(new StoredProfile(h.memberCount(), h.yearsResident(), json.valueToTree(facts))),
                h.version(),
                h.updatedAt(),
                event.eventId(),
                event.occurredAt()));
        if (applied
                && identity != null
                && identity.headLookupHash() != null
                && h.status().equals(HouseholdChanged.ACTIVE)) {
            links.save(new Link(identity.headLookupHash(), householdId, h.villageCode()), event.occurredAt());
        }
        return applied;
    }

    /** Keeps a rating as its announcement describes it, and the household's current rating. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyRating(EventEnvelope<?> event, HouseholdRated r) {
        UUID householdId = registryId(r.householdId());
        UUID ratingId = registryId(r.ratingId());
        if (householdId == null || ratingId == null) {
            return;
        }
        List<RatingClient.Reason> reasons = r.reasonDetails() == null
                ? r.reasons().stream()
                        .map(code -> new RatingClient.Reason(code, null, null, 0))
                        .toList()
                : r.reasonDetails().stream()
                        .map(x -> new RatingClient.Reason(x.indicator(), x.nameZh(), x.nameEn(), x.pointsLost()))
                        .toList();
        RatingClient.Rating rating = new RatingClient.Rating(
                ratingId,
                r.score(),
                r.grade(),
                r.creditHousehold(),
                r.vetoes(),
                reasons,
                r.modelCode() + "@" + r.modelVersion(),
                r.status(),
                r.ratedAt(),
                r.validUntil());
        model.saveRating(householdId, ratingId, r.ratedAt(), write(rating), event.eventId());
        model.saveCurrentRating(householdId, registryId(r.currentRatingId()), event.eventId(), event.occurredAt());
    }

    /** Keeps the moral bank's profile of the household's newest year announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyMorality(EventEnvelope<?> event, MoralityPointsChanged m) {
        UUID householdId = registryId(m.householdId());
        if (householdId == null) {
            return;
        }
        MoralityClient.Profile profile = new MoralityClient.Profile(
                m.status(),
                new MoralityClient.Standing(
                        m.year(),
                        m.standards().stream()
                                .map(b -> new MoralityClient.StandardBalance(b.code(), b.points(), b.cap()))
                                .toList(),
                        m.totalPoints(),
                        m.vetoed(),
                        m.vetoCodes(),
                        m.eligible(),
                        m.greenCard(),
                        m.moralCreditLine()),
                m.panelScore(),
                m.panelRaterCount(),
                m.recentEntries() == null
                        ? List.of()
                        : m.recentEntries().stream()
                                .map(e -> new MoralityClient.Entry(
                                        e.kind(),
                                        e.ruleCode(),
                                        e.vetoCode(),
                                        e.standardCode(),
                                        e.deedDate(),
                                        e.points(),
                                        e.reversed(),
                                        e.description()))
                                .toList());
        model.saveMorality(householdId, m.year(), write(profile), event.eventId(), event.occurredAt());
    }

    /** What the model holds for the household of a subject's keyed hash. */
    @Transactional
    public Optional<Known> find(String subjectHash) {
        return model.find(subjectHash).map(s -> {
            List<RatingClient.Rating> ratings = s.ratingsJson() == null ? List.of() : read(s.ratingsJson(), RATINGS);
            return new Known(
                    s.householdId(),
                    s.household() == null ? null : file(s.household()),
                    currentFirst(ratings, s.currentRatingId()),
                    s.ratingAsOf(),
                    s.moralityJson() == null ? null : read(s.moralityJson(), MoralityClient.Profile.class),
                    s.moralityAsOf());
        });
    }

    /** A village's active files as the model holds them, heads masked. */
    @Transactional
    public List<VillageFile> village(String villageCode, int limit) {
        return model.village(villageCode, limit).stream()
                .map(v -> new VillageFile(
                        v.householdId(),
                        open(v.headNameEnc()),
                        open(v.headIdEnc()),
                        read(v.profileJson(), StoredProfile.class).facts(),
                        v.ratingJson() == null ? null : read(v.ratingJson(), RatingClient.Rating.class)))
                .toList();
    }

    /**
     * Keeps a lender's policy version unless a newer one is kept. A policy the calculator would
     * refuse is refused here (and goes to the dead letters), so every policy kept can size an offer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPolicy(EventEnvelope<?> event, LenderPolicyRegistered p) {
        policy(p);
        model.savePolicy(p.institution(), p.policyId(), p.version(), write(p), event.eventId(), event.occurredAt());
    }

    /** The newest version of each of the institution's policies, by policy id; none when it registered none. */
    @Transactional
    public List<LenderPolicy> policies(String institution) {
        return model.policies(institution).stream()
                .map(text -> policy(read(text, LenderPolicyRegistered.class)))
                .toList();
    }

    /** The policy as announced, in the calculator's terms. */
    static LenderPolicy policy(LenderPolicyRegistered p) {
        return new LenderPolicy(
                p.policyId(),
                p.version(),
                p.name(),
                byGrade(p.baseLineByGrade()),
                p.assetShare(),
                p.businessIncomeShare(),
                p.lineCap(),
                p.termMonths(),
                p.baseAnnualRate(),
                byGrade(p.rateDiscountByGrade()),
                p.repaymentShareOfNetIncome(),
                p.roundingUnit(),
                p.targetMargin());
    }

    private static Map<CreditGrade, BigDecimal> byGrade(Map<String, BigDecimal> byName) {
        Map<CreditGrade, BigDecimal> byGrade = new EnumMap<>(CreditGrade.class);
        byName.forEach((grade, value) -> byGrade.put(CreditGrade.valueOf(grade), value));
        return byGrade;
    }

    /**
     * Households and ratings are named by the registry's and credit-rating's UUIDs; an event naming
     * anything else (null included) cannot belong to a file a report shows, and is left out.
     */
    static UUID registryId(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** The current rating first (as credit-rating last named it; the newest when it named none), then newest first. */
    static List<RatingClient.Rating> currentFirst(List<RatingClient.Rating> newestFirst, UUID current) {
        if (current == null || newestFirst.isEmpty() || newestFirst.get(0).id().equals(current)) {
            return newestFirst;
        }
        List<RatingClient.Rating> ordered = new ArrayList<>(newestFirst.size());
        newestFirst.stream().filter(r -> r.id().equals(current)).forEach(ordered::add);
        newestFirst.stream().filter(r -> !r.id().equals(current)).forEach(ordered::add);
        return ordered;
    }

    private File file(HouseholdRow h) {
        StoredProfile p = read(h.profileJson(), StoredProfile.class);
        return new File(
                h.householdId(),
                h.villageCode(),
                h.townshipCode(),
                h.status(),
                open(h.headNameEnc()),
                open(h.headIdEnc()),
                p.members(),
                p.yearsResident(),
                p.facts(),
                h.fileVersion(),
                h.fileUpdatedAt(),
                h.asOf());
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : cipher.decrypt(sealed);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model row not writable", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model row not readable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model row not readable", e);
        }
    }
}
