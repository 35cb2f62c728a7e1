package org.ruralcredit.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ruralcredit.divisions.DivisionFiles;

/** One official division; read-only after loading. */
@Entity
@Table(name = "division")
public class Division {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DivisionFiles.Level level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public short edition;
}
