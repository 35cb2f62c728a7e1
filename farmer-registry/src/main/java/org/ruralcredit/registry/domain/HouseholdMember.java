package org.ruralcredit.registry.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.importfile.HouseholdFile;

/** One person of a household; sex and birth date are derived from the resident ID. */
@Embeddable
public class HouseholdMember {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HouseholdFile.Relation relation;

    @Column(name = "resident_id_enc", nullable = false)
    public byte[] residentIdEnc;

    @Column(name = "resident_id_hash", nullable = false)
    public String residentIdHash;

    /** The ID as sealed into {@link #residentIdEnc} in this unit of work, so it need not be decrypted again; never stored. */
    @Transient
    public String residentIdAsWritten;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResidentId.Sex sex;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    public HouseholdFile.Education education;

    @Enumerated(EnumType.STRING)
    public HouseholdFile.Health health;

    public String occupation;

    @Enumerated(EnumType.STRING)
    @Column(name = "labour_status")
    public HouseholdFile.LabourStatus labourStatus;
}
