package org.ruralcredit.sme.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A firm's archive head record. */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    @Id
    public String uscc;

    @Column(nullable = false)
    public String name;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "has_bank_loan", nullable = false)
    public boolean hasBankLoan;
}
