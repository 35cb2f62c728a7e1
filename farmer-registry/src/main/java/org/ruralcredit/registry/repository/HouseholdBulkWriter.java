package org.ruralcredit.registry.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.ruralcredit.commons.persistence.DatabaseJsonFormat;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.HouseholdMember;
import org.ruralcredit.registry.domain.HouseholdRevision;

/**
 * Inserts many new household files with one batched statement per table, in the caller's
 * transaction: the same rows the entity mapping writes (household, members, active persons,
 * first revision), without a round trip or a persistence-context entry per household.
 */
@ApplicationScoped
public class HouseholdBulkWriter {

    private final EntityManager em;

    public HouseholdBulkWriter(EntityManager em) {
        this.em = em;
    }

    /** Each household with its revision at the same index; the households are new and ACTIVE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Household> households, List<HouseholdRevision> revisions) {
        if (households.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            insertHouseholds(connection, households);
            insertMembers(connection, households);
            insertRevisions(connection, revisions);
        });
    }

    private static void insertHouseholds(Connection connection, List<Household> households) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO household (id, village_code, township_code, status, version, head_name, head_id_hash,
                    phone_enc, phone_hash, address, years_resident, facts, created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            for (Household h : households) {
                insert.setObject(1, h.id);
                insert.setString(2, h.villageCode);
                insert.setString(3, h.townshipCode);
                insert.setString(4, h.status.name());
                insert.setInt(5, h.version);
                insert.setString(6, h.headName);
                insert.setString(7, h.headIdHash);
                insert.setBytes(8, h.phoneEnc);
                insert.setString(9, h.phoneHash);
                insert.setString(10, h.address);
                insert.setInt(11, h.yearsResident);
                insert.setString(12, DatabaseJsonFormat.text(h.facts));
                insert.setString(13, h.createdBy);
                insert.setTimestamp(14, Timestamp.from(h.createdAt));
                insert.setString(15, h.updatedBy);
                insert.setTimestamp(16, Timestamp.from(h.updatedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertMembers(Connection connection, List<Household> households) throws SQLException {
        try (PreparedStatement member = connection.prepareStatement("""
                INSERT INTO household_member (household_id, position, name, relation, resident_id_enc, resident_id_hash,
                    sex, birth_date, education, health, occupation, labour_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement person = connection.prepareStatement(
                        "INSERT INTO active_person (resident_id_hash, household_id) VALUES (?, ?)")) {
            for (Household h : households) {
                for (int position = 0; position < h.members.size(); position++) {
                    HouseholdMember m = h.members.get(position);
                    member.setObject(1, h.id);
                    member.setShort(2, (short) position);
                    member.setString(3, m.name);
                    member.setString(4, m.relation.name());
                    member.setBytes(5, m.residentIdEnc);
                    member.setString(6, m.residentIdHash);
                    member.setString(7, m.sex.name());
                    member.setObject(8, m.birthDate);
                    setEnum(member, 9, m.education);
                    setEnum(member, 10, m.health);
                    member.setString(11, m.occupation);
                    setEnum(member, 12, m.labourStatus);
                    member.addBatch();
                    person.setString(1, m.residentIdHash);
                    person.setObject(2, h.id);
                    person.addBatch();
                }
            }
            member.executeBatch();
            person.executeBatch();
        }
    }

    private static void insertRevisions(Connection connection, List<HouseholdRevision> revisions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO household_revision (household_id, version, change_kind, changed_by, changed_at, reason,
                    changed_fields, snapshot)
                VALUES (?, ?, ?, ?, ?, ?, ?::json, ?::json)""")) {
            for (HouseholdRevision r : revisions) {
                insert.setObject(1, r.householdId);
                insert.setInt(2, r.version);
                insert.setString(3, r.kind.name());
                insert.setString(4, r.changedBy);
                insert.setTimestamp(5, Timestamp.from(r.changedAt));
                insert.setString(6, r.reason);
                insert.setString(7, DatabaseJsonFormat.text(r.changedFields));
                insert.setString(8, r.snapshot);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setEnum(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value.name());
        }
    }
}
