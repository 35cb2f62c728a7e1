package org.ruralcredit.registry.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
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

    private HouseholdViews() {}

    /** {@code sex} and {@code age} are null only for a person an old revision names who has left the file since. */
    record MemberView(
            String name,
            String relation,
            String residentId,
            String sex,
            LocalDate birthDate,
            Integer age,
            String education,
            String health,
            String occupation,
            String labourStatus) {}

    record HouseholdView(
            UUID id,
            String villageCode,
            String townshipCode,
            String status,
            String closedReason,
            Instant closedAt,
            int version,
            String address,
            String phone,
            int yearsResident,
            boolean identifiersMasked,
            List<MemberView> members,
            HouseholdFacts facts,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt) {}

    record HouseholdSummary(
            UUID id,
            String villageCode,
            String headName,
            String headResidentId,
            String status,
            int version,
            int members,
            Instant updatedAt) {}

    record HouseholdPage(List<HouseholdSummary> items, int page, int size, long total) {}

    @Schema(name = "HouseholdRevisionView")
    record RevisionView(
            int version, String kind, String changedBy, Instant changedAt, String reason, List<String> changedFields) {
        static RevisionView of(HouseholdRevision r) {
            return new RevisionView(r.version, r.kind.name(), r.changedBy, r.changedAt, r.reason, r.changedFields);
        }
    }

    /**
     * The file as one revision left it. Identifiers are shown as the current file shows them to the
     * caller: a revision keeps them only masked with their keyed hash, so a person (or the phone)
     * still in the file today is recognised by the hash and shown like today's file; a person who
     * has left since stays masked for everyone, with no birth date or age.
     */
    record RevisionFileView(
            UUID householdId,
            int version,
            String kind,
            String changedBy,
            Instant changedAt,
            String reason,
            List<String> changedFields,
            String villageCode,
            String status,
            String closedReason,
            String address,
            String phone,
            int yearsResident,
            boolean identifiersMasked,
            List<MemberView> members,

            @Schema(implementation = HouseholdFacts.class, description = "The facts as this revision left them")
            JsonNode facts) {}

    static HouseholdView of(Household h, HouseholdDocuments documents, boolean unmasked, LocalDate today) {
        List<MemberView> members = h.members.stream()
                .map(m -> member(m, documents, unmasked, today))
                .toList();
        String phone = documents.phoneOf(h);
        return new HouseholdView(
                h.id,
                h.villageCode,
                h.townshipCode,
                h.status.name(),
                h.closedReason == null ? null : h.closedReason.name(),
                h.closedAt,
                h.version,
                h.address,
                phone(phone, unmasked),
                h.yearsResident,
                !unmasked,
                members,
                h.facts,
                h.createdBy,
                h.createdAt,
                h.updatedBy,
                h.updatedAt);
    }

    static HouseholdSummary summary(Household h, HouseholdDocuments documents, boolean unmasked) {
        String headId = documents.residentIdOf(h.head());
        return new HouseholdSummary(
                h.id,
                h.villageCode,
                h.headName,
                unmasked ? headId : ResidentId.mask(headId),
                h.status.name(),
                h.version,
                h.members.size(),
                h.updatedAt);
    }

    static RevisionFileView revision(
            Household current, HouseholdRevision r, HouseholdDocuments documents, boolean unmasked, LocalDate today) {
        JsonNode file = documents.snapshotOf(r);
        Map<String, HouseholdMember> stillThere =
                current.members.stream().collect(Collectors.toMap(m -> m.residentIdHash, m -> m, (a, b) -> a));
        List<MemberView> members = new ArrayList<>();
        for (JsonNode m : file.path("members")) {
            HouseholdMember same = stillThere.get(text(m, "residentIdHash"));
            members.add(
                    same != null
                            ? member(
                                    same,
                                    documents,
                                    unmasked,
                                    today,
                                    text(m, "name"),
                                    text(m, "relation"),
                                    text(m, "education"),
                                    text(m, "health"),
                                    text(m, "occupation"),
                                    text(m, "labourStatus"))
                            : new MemberView(
                                    text(m, "name"),
                                    text(m, "relation"),
                                    text(m, "residentId"),
                                    null,
                                    null,
                                    null,
                                    text(m, "education"),
                                    text(m, "health"),
                                    text(m, "occupation"),
                                    text(m, "labourStatus")));
        }
        String phoneHash = text(file, "phoneHash");
        String phone = phoneHash != null && phoneHash.equals(current.phoneHash)
                ? phone(documents.phoneOf(current), unmasked)
                : text(file, "phone");
        return new RevisionFileView(
                r.householdId,
                r.version,
                r.kind.name(),
                r.changedBy,
                r.changedAt,
                r.reason,
                r.changedFields,
                text(file, "villageCode"),
                text(file, "status"),
                text(file, "closedReason"),
                text(file, "address"),
                phone,
                file.path("yearsResident").asInt(),
                !unmasked,
                members,
                file.path("facts"));
    }

    private static MemberView member(
            HouseholdMember m, HouseholdDocuments documents, boolean unmasked, LocalDate today) {
        return member(
                m,
                documents,
                unmasked,
                today,
                m.name,
                m.relation.name(),
                name(m.education),
                name(m.health),
                m.occupation,
                name(m.labourStatus));
    }

    /** The person's identity from today's file, masked for the caller; the rest as given. */
    private static MemberView member(
            HouseholdMember identity,
            HouseholdDocuments documents,
            boolean unmasked,
            LocalDate today,
            String name,
            String relation,
            String education,
            String health,
            String occupation,
            String labourStatus) {
        String id = documents.residentIdOf(identity);
        return new MemberView(
                name,
                relation,
                unmasked ? id : ResidentId.mask(id),
                identity.sex.name(),
                unmasked ? identity.birthDate : null,
                Period.between(identity.birthDate, today).getYears(),
                education,
                health,
                occupation,
                labourStatus);
    }

    private static String phone(String phone, boolean unmasked) {
        return unmasked ? phone : PhoneNumber.mask(phone);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
