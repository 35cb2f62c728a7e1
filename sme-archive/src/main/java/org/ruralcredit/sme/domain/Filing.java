package org.ruralcredit.sme.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** A firm's self-filed figures for one fiscal year, one revision, with its cross-check results. */
@Entity
@Table(name = "filing")
public class Filing {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String uscc;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public long sales;

    @Column(name = "cost_of_sales", nullable = false)
    public long costOfSales;

    @Column(name = "stated_gross_margin", nullable = false)
    public BigDecimal statedGrossMargin;

    @Column(nullable = false)
    public long assets;

    @Column(nullable = false)
    public long liabilities;

    @Column(nullable = false)
    public long equity;

    @Column(nullable = false)
    public boolean flagged;

    /** The cross-check results as JSON, written and read by the filing service. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "checks", nullable = false, columnDefinition = "jsonb")
    public String checksJson;

    @Column(name = "tolerance_points", nullable = false)
    public BigDecimal tolerancePoints;

    @Column(name = "filed_by", nullable = false)
    public String filedBy;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
}
