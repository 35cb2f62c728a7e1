package org.ruralcredit.sme.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The agencies that feed the archive, each with the columns (CSV) or fields (JSON) of its rows.
 * Every row also has {@code uscc}; utilities rows carry the {@code month} they meter.
 */
public enum FeedSource {
    MARKET_REGULATION(
            "market-regulation", "市场监管", List.of("registrationStatus", "annualReportFiled", "abnormalListed")),
    TAX("tax", "税务", List.of("creditGrade", "arrears")),
    SOCIAL_INSURANCE("social-insurance", "人社", List.of("insuredHeadcount")),
    UTILITIES("utilities", "水电", List.of("month", "electricityKwh", "waterTonnes")),
    QUALITY("quality", "质监", List.of("violations", "lastViolationOn")),
    COURTS("courts", "法院", List.of("dishonestDebtor"));

    private final String slug;
    private final String agency;
    private final List<String> fields;

    FeedSource(String slug, String agency, List<String> fields) {
        this.slug = slug;
        this.agency = agency;
        this.fields = fields;
    }

    public String slug() {
        return slug;
    }

    public String agency() {
        return agency;
    }

    /** The fact fields of a row, without {@code uscc}. */
    public List<String> fields() {
        return fields;
    }

    /** The columns a CSV header must have, in the documented order. */
    public List<String> columns() {
        return Stream.concat(Stream.of("uscc"), fields.stream()).toList();
    }

    public static Optional<FeedSource> bySlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
