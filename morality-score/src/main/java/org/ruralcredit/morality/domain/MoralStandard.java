package org.ruralcredit.morality.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the four standards deeds are scored under. */
@Entity
@Table(name = "moral_standard")
public class MoralStandard {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "points_cap", nullable = false)
    public int pointsCap;

    @Column(name = "sort_order", nullable = false)
    public short sortOrder;
}
