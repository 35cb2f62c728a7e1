package org.ruralcredit.registry.rest;

import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.HouseholdFacts;
import org.ruralcredit.registry.domain.HouseholdMember;
import org.ruralcredit.registry.domain.HouseholdRevision;
import org.ruralcredit.registry.service.HouseholdDocuments;

/**
 * What leaves the registry about a household. Resident IDs and phone numbers are masked unless
 * the caller is the official of the household's township; a masked view shows age, not birth date.
 */
final class HouseholdViews {

    private HouseholdViews() {
    }

    record MemberView(String name, String relation, String residentId, String sex, LocalDate birthDate, int age,
                      String education, String health, String occupation, String labourStatus) {
    }

    record HouseholdView(UUID id, String villageCode, String townshipCode, String status, String closedReason,
                         Instant closedAt, int version, String address, String phone, int yearsResident,
                         boolean identifiersMasked, List<MemberView> members, HouseholdFacts facts, String createdBy,
                         Instant createdAt, String updatedBy, Instant updatedAt) {
    }

    record HouseholdSummary(UUID id, String villageCode, String headName, String headResidentId, String status,
                            int version, int members, Instant updatedAt) {
    }

    record HouseholdPage(List<HouseholdSummary> items, int page, int size, long total) {
    }

    record RevisionView(int version, String kind, String changedBy, Instant changedAt, String reason,
                        List<String> changedFields) {
        static RevisionView of(HouseholdRevision r) {
            return new RevisionView(r.version, r.kind.name(), r.changedBy, r.changedAt, r.reason, r.changedFields);
        }
    }

    static HouseholdView of(Household h, HouseholdDocuments documents, boolean unmasked, LocalDate today) {
        List<MemberView> members = h.members.stream().map(m -> member(m, documents, unmasked, today)).toList();
        String phone = documents.phoneOf(h);
        return new HouseholdView(h.id, h.villageCode, h.townshipCode, h.status.name(),
                h.closedReason == null ? null : h.closedReason.name(), h.closedAt, h.version, h.address,
                unmasked ? phone : PhoneNumber.mask(phone), h.yearsResident, !unmasked, members, h.facts,
                h.createdBy, h.createdAt, h.updatedBy, h.updatedAt);
    }

    static HouseholdSummary summary(Household h, HouseholdDocuments documents, boolean unmasked) {
        String headId = documents.residentIdOf(h.head());
        return new HouseholdSummary(h.id, h.villageCode, h.headName, unmasked ? headId : ResidentId.mask(headId),
                h.status.name(), h.version, h.members.size(), h.updatedAt);
    }

    private static MemberView member(HouseholdMember m, HouseholdDocuments documents, boolean unmasked, LocalDate today) {
        String id = documents.residentIdOf(m);
        return new MemberView(m.name, m.relation.name(), unmasked ? id : ResidentId.mask(id), m.sex.name(),
                unmasked ? m.birthDate : null, Period.between(m.birthDate, today).getYears(), name(m.education),
                name(m.health), m.occupation, name(m.labourStatus));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
