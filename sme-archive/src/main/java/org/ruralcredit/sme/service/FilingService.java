package org.ruralcredit.sme.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.config.SmeConfig;
import org.ruralcredit.sme.domain.CrossCheck;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.Filing;
import org.ruralcredit.sme.domain.FiscalYear;
import org.ruralcredit.sme.repository.EnterpriseRepository;
import org.ruralcredit.sme.repository.FilingRepository;
import org.ruralcredit.sme.repository.UtilityUse;

/** Self-filings: stored as filed, cross-checked against the firm's other figures and its power use. */
@ApplicationScoped
public class FilingService {

    private final EnterpriseEvents events;

    /** A year's figures in yuan; equity and the margin may be negative (liabilities can exceed assets, costs sales). */
    public record FilingData(
            @FiscalYear(message = "{filing.fiscal-year}") Integer fiscalYear,

            @NotNull(message = "{filing.amount-required}") @PositiveOrZero(message = "{filing.figure-negative}")
            Long sales,

            @NotNull(message = "{filing.amount-required}") @PositiveOrZero(message = "{filing.figure-negative}")
            Long costOfSales,

            @NotNull(message = "{filing.margin-required}")
            @DecimalMin(value = "-1000", message = "{filing.margin-percentage}")
            @DecimalMax(value = "1000", message = "{filing.margin-percentage}")
            BigDecimal statedGrossMarginPct,

            @NotNull(message = "{filing.amount-required}") @PositiveOrZero(message = "{filing.figure-negative}")
            Long assets,

            @NotNull(message = "{filing.amount-required}") @PositiveOrZero(message = "{filing.figure-negative}")
            Long liabilities,

            @NotNull(message = "{field.required}") Long equity) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FilingRepository filings;
    private final EnterpriseRepository enterprises;
    private final UtilityUse utilities;
    private final SmeConfig config;
    private final Caller caller;
    private final CountyScope county;
    private final FirmScoring scoring;
    private final Clock clock;

    public FilingService(
            FilingRepository filings,
            EnterpriseRepository enterprises,
            UtilityUse utilities,
            SmeConfig config,
            Caller caller,
            CountyScope county,
            FirmScoring scoring,
            EnterpriseEvents events,
            Clock clock) {
        this.clock = clock;
        this.events = events;
        this.scoring = scoring;
        this.filings = filings;
        this.enterprises = enterprises;
        this.utilities = utilities;
        this.config = config;
        this.caller = caller;
        this.county = county;
    }

    @Transactional
    public Filing file(String uscc, FilingData data) {
        Enterprise firm = enterprises.findById(uscc);
        if (firm == null) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, uscc);
        }
        county.requireCovers(firm);
        int year = data.fiscalYear();
        CrossCheck.Figures figures = new CrossCheck.Figures(
                data.sales(),
                data.costOfSales(),
                data.statedGrossMarginPct(),
                data.assets(),
                data.liabilities(),
                data.equity());
        List<CrossCheck.Result> results =
                CrossCheck.run(figures, trend(uscc, year), config.crossCheck().tolerancePoints());

        Filing filing = new Filing();
        filing.id = UUID.randomUUID();
        filing.uscc = uscc;
        filing.fiscalYear = year;
        filing.revision = filings.latest(uscc, year).map(f -> f.revision + 1).orElse(1);
        filing.sales = data.sales();
        filing.costOfSales = data.costOfSales();
        filing.statedGrossMargin = data.statedGrossMarginPct();
        filing.assets = data.assets();
        filing.liabilities = data.liabilities();
        filing.equity = data.equity();
        filing.flagged = results.stream().anyMatch(CrossCheck.Result::flagged);
        filing.checksJson = write(results);
        filing.tolerancePoints = BigDecimal.valueOf(config.crossCheck().tolerancePoints());
        filing.filedBy = caller.username();
        filing.filedAt = Instant.now(clock);
        filings.persist(filing);
        // the archived facts changed: consumers learn the new score and grade
        // the archived facts changed: consumers learn the firm's new score and grade
        scoring.rescore(List.of(uscc))
                .forEach(rescored -> events.announce(rescored, EnterpriseChanged.FACTS_CHANGED, null));
        return filing;
    }

    /** A firm's filings, newest year and revision first; only in the caller's county (see {@link CountyScope}). */
    @Transactional
    public List<Filing> filingsOf(String uscc) {
        Enterprise firm = enterprises.findById(uscc);
        if (firm == null) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, uscc);
        }
        county.requireCovers(firm);
        return filings.of(uscc);
    }

    public static List<CrossCheck.Result> checksOf(Filing filing) {
        try {
            return JSON.readValue(filing.checksJson, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cross-check results are unreadable", e);
        }
    }

    /** Last year's filed sales, and electricity over the months metered in both years (so the trend compares like with like). */
    private CrossCheck.Trend trend(String uscc, int year) {
        Long previousSales = filings.latest(uscc, year - 1).map(f -> f.sales).orElse(null);
        Map<String, Long> byMonth = utilities.electricityByMonth(uscc, year - 1, year);
        long now = 0;
        long before = 0;
        int months = 0;
        for (int m = 1; m <= 12; m++) {
            Long current = byMonth.get(String.format("%d-%02d", year, m));
            Long previous = byMonth.get(String.format("%d-%02d", year - 1, m));
            if (current != null && previous != null) {
                now += current;
                before += previous;
                months++;
            }
        }
        return months == 0
                ? new CrossCheck.Trend(previousSales, null, null)
                : new CrossCheck.Trend(previousSales, now, before);
    }

    private static String write(List<CrossCheck.Result> results) {
        try {
            return JSON.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
