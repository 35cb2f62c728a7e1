package org.ruralcredit.gateway.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import org.ruralcredit.gateway.config.QueryConfig;
import org.ruralcredit.gateway.config.ServicesConfig;
import org.ruralcredit.gateway.domain.AdverseRecords;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.OverdueHistory;
import org.ruralcredit.gateway.messaging.ReportModelProgress;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository.Link;
import org.ruralcredit.gateway.repository.LoanRepository;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;
import org.ruralcredit.gateway.service.HouseholdReport.Identity;
import org.ruralcredit.gateway.service.HouseholdReport.LoanLine;
import org.ruralcredit.gateway.service.HouseholdReport.LoanRecord;
import org.ruralcredit.gateway.service.HouseholdReport.OverdueStatus;
import org.ruralcredit.gateway.service.HouseholdReport.Profile;
import org.ruralcredit.gateway.service.HouseholdReport.QueryRecord;
import org.ruralcredit.gateway.service.HouseholdReport.Ratings;
import org.ruralcredit.gateway.service.sources.MoralityClient;
import org.ruralcredit.gateway.service.sources.RatingClient;
import org.ruralcredit.gateway.service.sources.RegistryClient;

/**
 * Builds a granted household report. The registry, credit-rating and morality-score are asked in
 * parallel, each within its own timeout; the registry's household id for the subject is remembered,
 * so rating and moral profile need not wait for the registry (and still come when it is down). A
 * source that fails or is late leaves its sections UNAVAILABLE and the report incomplete — never an
 * error for the lender.
 */
@ApplicationScoped
public class HouseholdReportService {

    private static final Logger LOG = Logger.getLogger(HouseholdReportService.class);
    static final int QUERY_RECORDS = 50;

    /** A source's answer: the value, or "holds nothing" (404), or why it did not answer. */
    public record Outcome<T>(T value, boolean notFound, String problem) {
        boolean ok() {
            return value != null;
        }
    }

    private final RegistryClient registry;
    private final RatingClient rating;
    private final MoralityClient morality;
    private final ServicesConfig services;
    private final Records records;
    private final StatementService statements;
    private final Subjects subjects;
    private final QueryConfig queryConfig;
    private final Clock clock;
    private final LenderOffers offers;
    private final ReportModel model;
    private final ReportModelProgress progress;

    public HouseholdReportService(
            @RestClient RegistryClient registry,
            @RestClient RatingClient rating,
            @RestClient MoralityClient morality,
            ServicesConfig services,
            Records records,
            StatementService statements,
            Subjects subjects,
            QueryConfig queryConfig,
            Clock clock,
            LenderOffers offers,
            ReportModel model,
            ReportModelProgress progress) {
        this.offers = offers;
        this.model = model;
        this.progress = progress;
        this.registry = registry;
        this.rating = rating;
        this.morality = morality;
        this.services = services;
        this.records = records;
        this.statements = statements;
        this.subjects = subjects;
        this.queryConfig = queryConfig;
        this.clock = clock;
    }

    /** What the sources said about one household, the registry's call finished, the others running or given up. */
    public record Sources(
            Outcome<RegistryClient.Household> household,
            UUID householdId,
            CompletableFuture<Outcome<List<RatingClient.Rating>>> ratings,
            CompletableFuture<Outcome<MoralityClient.Profile>> profile) {}

    /**
     * Asks the registry for the household of this head and, in parallel when the household id is
     * already known, credit-rating (ratings) and morality-score; remembers the id the registry gave
     * (award checks).
     */
    public Sources fetch(String residentId, String subjectHash) {
        Optional<Link> known = knownLink(subjectHash);
        CompletableFuture<Outcome<RegistryClient.Household>> fromRegistry = guarded(
                "farmer-registry",
                () -> registry.byHead(new RegistryClient.ByHead(residentId)),
                services.registry().timeout());
        CompletableFuture<Outcome<List<RatingClient.Rating>>> fromRating = null;
        CompletableFuture<Outcome<MoralityClient.Profile>> fromMorality = null;
        UUID askedFor = known.map(Link::householdId).orElse(null);
        if (askedFor != null) {
            fromRating = ratingsOf(askedFor);
            fromMorality = profileOf(askedFor);
        }
        Outcome<RegistryClient.Household> household = fromRegistry.join();
        UUID householdId = household.ok() ? household.value().id() : askedFor;
        if (household.ok() && !household.value().id().equals(askedFor)) {
            remember(new Link(
                    subjectHash, household.value().id(), household.value().villageCode()));
        }
        if (householdId != null && !householdId.equals(askedFor)) {
            // first read of this subject, or the household was filed anew since
            fromRating = ratingsOf(householdId);
            fromMorality = profileOf(householdId);
        }
        return new Sources(household, householdId, fromRating, fromMorality);
    }

    /**
     * The active households of a village (heads masked) as the read model holds them; none while the
     * model has not yet caught up with the registry is "not available", not an empty village.
     */
    public Outcome<List<ReportModel.VillageFile>> village(String villageCode, int limit) {
        List<ReportModel.VillageFile> files = model.village(villageCode, limit);
        if (files.isEmpty() && !progress.caughtUp(ReportModelProgress.Source.REGISTRY)) {
            return new Outcome<>(null, false, NOT_CAUGHT_UP);
        }
        return files.isEmpty() ? new Outcome<>(null, true, null) : new Outcome<>(files, false, null);
    }

    /** Only the registry's answer for a head of household (e.g. to check an official's township). */
    public Outcome<RegistryClient.Household> householdOf(String residentId) {
        return guarded(
                        "farmer-registry",
                        () -> registry.byHead(new RegistryClient.ByHead(residentId)),
                        services.registry().timeout())
                .join();
    }

    /**
     * The report for a granted request, the register entry already committed: everything from the
     * read model and the gateway's own records, without a call to another service (the lender's
     * offer is sized here from the announced facts, rating and policies). A section the model has not received while it is still catching up with its source is
     * missing (the report incomplete); once caught up, what was never announced is not found.
     */
    public HouseholdReport build(long registerSeq, Instant generatedAt, Consent consent, String purpose) {
        Optional<ReportModel.Known> known = model.find(consent.subjectHash);
        UUID householdId = known.map(ReportModel.Known::householdId).orElse(null);

        LocalDate today = LocalDate.ofInstant(generatedAt, queryConfig.zone());
        ReportModel.File file = known.map(ReportModel.Known::file).orElse(null);
        Section<Identity> identity;
        Section<Profile> profile;
        if (file != null && file.active()) {
            identity = Section.available(
                    REGISTRY,
                    new Identity(
                            file.headName(),
                            subjects.masked(consent.subjectType, consent.subjectIdEnc),
                            file.villageCode(),
                            file.townshipCode()),
                    file.asOf());
            profile = Section.available(REGISTRY, profile(file, today), file.asOf());
        } else if (file != null) {
            identity = Section.notFound(REGISTRY, NO_ACTIVE_FILE);
            profile = Section.notFound(REGISTRY, NO_ACTIVE_FILE);
        } else {
            identity = unknown(REGISTRY, ReportModelProgress.Source.REGISTRY);
            profile = unknown(REGISTRY, ReportModelProgress.Source.REGISTRY);
        }

        Section<Ratings> ratings;
        Section<MoralityClient.Profile> moral;
        if (householdId == null) {
            ratings = unknown(RATING, ReportModelProgress.Source.REGISTRY);
            moral = unknown(MORALITY, ReportModelProgress.Source.REGISTRY);
        } else {
            List<RatingClient.Rating> rated = known.get().ratings();
            ratings = rated.isEmpty()
                    ? absent(RATING, ReportModelProgress.Source.RATING, "The household has not been rated.")
                    : Section.available(
                            RATING,
                            new Ratings(rated.get(0), rated),
                            known.get().ratingAsOf());
            moral = known.get().morality() == null
                    ? absent(
                            MORALITY,
                            ReportModelProgress.Source.MORALITY,
                            "The moral bank holds no record of the household.")
                    : Section.available(
                            MORALITY, known.get().morality(), known.get().moralityAsOf());
        }

        Section<LoanRecord> loanRecord = Section.available("gateway", loanRecord(consent.subjectHash, today));
        Section<List<QueryRecord>> queries = Section.available("gateway", queryRecords(consent.subjectHash));
        Section<List<HouseholdReport.StatementView>> objections =
                Section.available("gateway", statements.onReport(consent.subjectType, consent.subjectHash, today));
        Section<Object> offer = householdId == null
                ? unknown(LenderOffers.SOURCE, ReportModelProgress.Source.REGISTRY)
                : offer(known.get(), consent.institution);

        List<String> missing = new ArrayList<>();
        addIfMissing(missing, "identity", identity);
        addIfMissing(missing, "household", profile);
        addIfMissing(missing, "rating", ratings);
        addIfMissing(missing, "morality", moral);
        addIfMissing(missing, "offer", offer);
        return new HouseholdReport(
                registerSeq,
                generatedAt,
                consent.id,
                purpose,
                consent.institution,
                subjects.masked(consent.subjectType, consent.subjectIdEnc),
                missing.isEmpty(),
                List.copyOf(missing),
                identity,
                profile,
                ratings,
                moral,
                loanRecord,
                queries,
                objections,
                offer);
    }

    /**
     * What each of the institution's policies offers the household, from its announced facts and
     * current rating. Without a policy of the institution's own the platform's default is offered,
     * but only once the model has read every policy announced: before, the institution's own may be
     * on its way.
     */
    private Section<Object> offer(ReportModel.Known known, String institution) {
        if (known.ratings().isEmpty()) {
            return absent(
                    LenderOffers.SOURCE,
                    ReportModelProgress.Source.RATING,
                    "The household has not been rated: no offer yet.");
        }
        if (known.file() == null) {
            return absent(
                    LenderOffers.SOURCE,
                    ReportModelProgress.Source.REGISTRY,
                    "The registry has announced no file of the household: no offer.");
        }
        LenderOffers.Policies policies = offers.policiesOf(institution);
        if (!policies.offeredBy().equals(institution) && !progress.caughtUp(ReportModelProgress.Source.POLICIES)) {
            return Section.unavailable(LenderOffers.SOURCE, NOT_CAUGHT_UP);
        }
        return Section.available(
                LenderOffers.SOURCE,
                offers.offers(
                        policies,
                        known.householdId(),
                        known.file().facts(),
                        known.ratings().get(0)));
    }

    private static final String REGISTRY = "farmer-registry";
    private static final String RATING = "credit-rating";
    private static final String MORALITY = "morality-score";
    private static final String NO_ACTIVE_FILE = "The registry has no active file with this head of household.";

    /** A subject whose file the model never received: unknown once caught up with the registry, else missing. */
    private <T> Section<T> unknown(String source, ReportModelProgress.Source feed) {
        return progress.caughtUp(feed)
                ? Section.notFound(source, "The registry has announced no file with this head of household.")
                : Section.unavailable(source, NOT_CAUGHT_UP);
    }

    /** A known household of which the source announced nothing: not found once caught up, else missing. */
    private <T> Section<T> absent(String source, ReportModelProgress.Source feed, String notFound) {
        return progress.caughtUp(feed)
                ? Section.notFound(source, notFound)
                : Section.unavailable(source, NOT_CAUGHT_UP);
    }

    private static final String NOT_CAUGHT_UP =
            "The gateway's read model has not yet caught up with this source's announcements.";

    /** The file's facts as announced, without the public-order facts the five-year rule excludes. */
    static Profile profile(ReportModel.File f, LocalDate today) {
        return profile(f.status(), f.members(), f.yearsResident(), f.facts(), (int) f.version(), f.updatedAt(), today);
    }

    /** The registry's facts as written, without the public-order facts the five-year rule excludes. */
    static Profile profile(RegistryClient.Household h, LocalDate today) {
        return profile(h.status(), h.members(), h.yearsResident(), h.facts(), h.version(), h.updatedAt(), today);
    }

    private static Profile profile(
            String status,
            int members,
            int yearsResident,
            JsonNode facts,
            int version,
            Instant updatedAt,
            LocalDate today) {
        int excluded = 0;
        if (facts instanceof ObjectNode object && object.get("publicOrder") instanceof ArrayNode publicOrder) {
            ArrayNode shown = publicOrder.arrayNode();
            for (JsonNode fact : publicOrder) {
                if (AdverseRecords.publicOrderFactShown(fact.path("ongoing").asBoolean(false), factDate(fact), today)) {
                    shown.add(fact);
                } else {
                    excluded++;
                }
            }
            if (excluded > 0) {
                facts = object.deepCopy().set("publicOrder", shown);
            }
        }
        return new Profile(status, members, yearsResident, facts, version, updatedAt, excluded);
    }

    /** A fact's date, or null when the registry gave none that parses (then the fact is kept). */
    private static LocalDate factDate(JsonNode fact) {
        try {
            return fact.hasNonNull("date") ? LocalDate.parse(fact.get("date").asText()) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void addIfMissing(List<String> missing, String name, Section<?> section) {
        if (section.missing()) {
            missing.add(name);
        }
    }

    private CompletableFuture<Outcome<List<RatingClient.Rating>>> ratingsOf(UUID householdId) {
        return guarded(
                "credit-rating",
                () -> rating.ratings(householdId),
                services.rating().timeout());
    }

    private CompletableFuture<Outcome<MoralityClient.Profile>> profileOf(UUID householdId) {
        return guarded(
                "morality-score",
                () -> morality.profile(householdId.toString()),
                services.morality().timeout());
    }

    static Section<Ratings> ratingSection(
            CompletableFuture<Outcome<List<RatingClient.Rating>>> call, Outcome<RegistryClient.Household> household) {
        if (call == null) {
            return withoutHousehold("credit-rating", household);
        }
        Outcome<List<RatingClient.Rating>> o = call.join();
        if (o.ok() && !o.value().isEmpty()) {
            return Section.available("credit-rating", new Ratings(o.value().get(0), o.value()));
        }
        if (o.ok() || o.notFound()) {
            return Section.notFound("credit-rating", "The household has not been rated.");
        }
        return Section.unavailable("credit-rating", o.problem());
    }

    static Section<MoralityClient.Profile> moralSection(
            CompletableFuture<Outcome<MoralityClient.Profile>> call, Outcome<RegistryClient.Household> household) {
        if (call == null) {
            return withoutHousehold("morality-score", household);
        }
        Outcome<MoralityClient.Profile> o = call.join();
        if (o.ok()) {
            return Section.available("morality-score", o.value());
        }
        if (o.notFound()) {
            return Section.notFound("morality-score", "The moral bank holds no record of the household.");
        }
        return Section.unavailable("morality-score", o.problem());
    }

    /** Without a household id neither rating nor moral profile can be asked for. */
    private static <T> Section<T> withoutHousehold(String source, Outcome<RegistryClient.Household> household) {
        return household.notFound()
                ? Section.notFound(source, "No household file, so no " + source + " record.")
                : Section.unavailable(
                        source,
                        "Not asked: the household could not be identified because the registry did not answer.");
    }

    /** Subscribes now; completes with the value, not-found, or the reason, never exceptionally. */
    static <T> CompletableFuture<Outcome<T>> guarded(String source, Supplier<Uni<T>> call, Duration timeout) {
        Uni<T> uni;
        try {
            uni = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome<>(null, false, source + " could not be asked."));
        }
        return uni.ifNoItem()
                .after(timeout)
                .fail()
                .map(v -> new Outcome<>(v, false, null))
                .onFailure()
                .recoverWithItem(e -> failure(source, timeout, e))
                .subscribeAsCompletionStage();
    }

    private static <T> Outcome<T> failure(String source, Duration timeout, Throwable e) {
        if (e instanceof WebApplicationException w
                && w.getResponse() != null
                && w.getResponse().getStatus() == 404) {
            return new Outcome<>(null, true, null);
        }
        String problem;
        if (e instanceof TimeoutException || e instanceof io.smallrye.mutiny.TimeoutException) {
            problem = source + " did not answer within " + timeout.toMillis() + " ms.";
        } else if (e instanceof WebApplicationException w && w.getResponse() != null) {
            problem = source + " answered " + w.getResponse().getStatus() + ".";
        } else {
            problem = source + " could not be reached.";
        }
        LOG.warnf("report source %s: %s (%s)", source, problem, e.getClass().getSimpleName());
        return new Outcome<>(null, false, problem);
    }

    private Optional<Link> knownLink(String subjectHash) {
        return records.link(subjectHash);
    }

    private void remember(Link link) {
        records.saveLink(link, clock.instant());
    }

    private LoanRecord loanRecord(String subjectHash, LocalDate today) {
        return records.loanRecord(subjectHash, today);
    }

    private List<QueryRecord> queryRecords(String subjectHash) {
        return records.queryRecords("HOUSEHOLD", subjectHash);
    }

    /** The gateway's own data for a report, each read in its own short transaction. */
    @ApplicationScoped
    public static class Records {

        private final HouseholdLinkRepository links;
        private final LoanRepository loans;
        private final QueryRegisterRepository register;

        public Records(HouseholdLinkRepository links, LoanRepository loans, QueryRegisterRepository register) {
            this.links = links;
            this.loans = loans;
            this.register = register;
        }

        @Transactional
        public Optional<Link> link(String subjectHash) {
            return links.find(subjectHash);
        }

        @Transactional
        public void saveLink(Link link, Instant seenAt) {
            links.save(link, seenAt);
        }

        @Transactional
        public LoanRecord loanRecord(String subjectHash, LocalDate today) {
            List<Loan> shown = new ArrayList<>();
            int excluded = 0;
            for (Loan l : loans.ofSubject(subjectHash)) {
                if (AdverseRecords.shown(
                        new AdverseRecords.History(l.settled, l.settledOn, l.worstClassification, l.maxOverdueDays),
                        today)) {
                    shown.add(l);
                } else {
                    excluded++;
                }
            }
            Map<UUID, List<OverdueHistory.Status>> history =
                    loans.statusHistory(shown.stream().map(l -> l.id).toList());
            List<LoanLine> lines = shown.stream()
                    .map(l -> new LoanLine(
                            l.institution,
                            yuan(l.amountFen),
                            l.startDate,
                            l.maturityDate,
                            l.purpose,
                            yuan(l.outstandingFen),
                            l.overdueDays,
                            l.maxOverdueDays,
                            l.classification.name(),
                            l.classification.chinese(),
                            l.worstClassification.name(),
                            l.classification.nonPerforming(),
                            l.settled,
                            l.settledOn,
                            OverdueHistory.of(history.getOrDefault(l.id, List.of())).stream()
                                    .map(h -> new OverdueStatus(
                                            h.asOf(),
                                            h.overdueDays(),
                                            h.classification().name(),
                                            h.classification().chinese(),
                                            h.settled()))
                                    .toList()))
                    .toList();
            return new LoanRecord(lines, excluded);
        }

        @Transactional
        public List<QueryRecord> queryRecords(String subjectType, String subjectHash) {
            return register.grantedFor(subjectType, subjectHash, QUERY_RECORDS).stream()
                    .map(e -> new QueryRecord(e.recordedAt, e.institution, e.purpose))
                    .toList();
        }

        private static BigDecimal yuan(long fen) {
            return BigDecimal.valueOf(fen, 2);
        }
    }
}
