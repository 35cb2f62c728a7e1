package org.ruralcredit.registry.service;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.identity.PersonNames;
import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.HouseholdFacts;
import org.ruralcredit.registry.domain.HouseholdMember;
import org.ruralcredit.registry.domain.HouseholdRevision;

/**
 * The forms one stored household takes: the revision snapshot (identifiers masked, their keyed
 * hashes kept so a changed ID shows in the diff) and the event (facts, and the head only masked
 * and as the keyed hash).
 */
@ApplicationScoped
public class HouseholdDocuments {

    static final String RESIDENT_ID = "resident-id";
    static final String PHONE = "phone";

    private final PersonalDataCipher cipher;
    private final ObjectMapper mapper;

    public HouseholdDocuments(PersonalDataCipher cipher, ObjectMapper mapper) {
        this.cipher = cipher;
        this.mapper = mapper;
    }

    public String hashOfResidentId(String value) {
        return cipher.lookupHash(RESIDENT_ID, value);
    }

    public String hashOfPhone(String value) {
        return cipher.lookupHash(PHONE, value);
    }

    public String residentIdOf(HouseholdMember member) {
        return member.residentIdAsWritten != null ? member.residentIdAsWritten : cipher.decrypt(member.residentIdEnc);
    }

    public String phoneOf(Household household) {
        return household.phoneAsWritten != null ? household.phoneAsWritten : cipher.decrypt(household.phoneEnc);
    }

    /**
     * Writes a checked file onto the entity: members replaced, identifiers encrypted. {@code ids}
     * and {@code hashes} by member position, as the checks parsed and hashed them.
     */
    public void apply(Household household, HouseholdFile file, List<ResidentId> ids, List<String> hashes) {
        household.villageCode = file.villageCode();
        household.townshipCode = file.villageCode().substring(0, 9);
        household.address = file.address().strip();
        household.yearsResident = file.yearsResident();
        String phone = PhoneNumber.normalise(file.phone());
        household.phoneEnc = cipher.encrypt(phone);
        household.phoneAsWritten = phone;
        household.phoneHash = hashOfPhone(phone);
        household.facts = HouseholdFacts.of(file);
        household.members.clear();
        for (int i = 0; i < file.members().size(); i++) {
            HouseholdFile.Member in = file.members().get(i);
            ResidentId id = ids.get(i);
            HouseholdMember member = new HouseholdMember();
            member.name = in.name().strip();
            member.relation = in.relation();
            member.residentIdEnc = cipher.encrypt(id.value());
            member.residentIdAsWritten = id.value();
            member.residentIdHash = hashes.get(i);
            member.sex = id.sex();
            member.birthDate = id.birthDate();
            member.education = in.education();
            member.health = in.health();
            member.occupation = in.occupation();
            member.labourStatus = in.labourStatus();
            household.members.add(member);
        }
        HouseholdMember head = household.head();
        household.headName = head.name;
        household.headIdHash = head.residentIdHash;
    }

    /** The file as a revision keeps it: masked identifiers plus their hashes. */
    public JsonNode snapshot(Household household) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("villageCode", household.villageCode);
        doc.put("status", household.status.name());
        doc.put("closedReason", household.closedReason == null ? null : household.closedReason.name());
        doc.put("address", household.address);
        String phone = phoneOf(household);
        doc.put("phone", PhoneNumber.mask(phone));
        doc.put("phoneHash", household.phoneHash);
        doc.put("yearsResident", household.yearsResident);
        ArrayNode members = doc.putArray("members");
        for (HouseholdMember m : household.members) {
            ObjectNode node = members.addObject();
            node.put("name", m.name);
            node.put("relation", m.relation.name());
            node.put("residentId", ResidentId.mask(residentIdOf(m)));
            node.put("residentIdHash", m.residentIdHash);
            node.put("education", m.education == null ? null : m.education.name());
            node.put("health", m.health == null ? null : m.health.name());
            node.put("occupation", m.occupation);
            node.put("labourStatus", m.labourStatus == null ? null : m.labourStatus.name());
        }
        doc.set("facts", mapper.valueToTree(household.facts));
        return doc;
    }

    /** A revision's stored snapshot, as {@link #snapshot} wrote it. */
    public JsonNode snapshotOf(HouseholdRevision revision) {
        try {
            return mapper.readTree(revision.snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "revision " + revision.version + " of household " + revision.householdId
                            + " has an unreadable snapshot",
                    e);
        }
    }

    /**
     * What raters, the moral bank and the gateway's read model learn: facts and division codes, and
     * the head only as a report shows them (name and ID masked) plus the ID's keyed hash, the one the
     * gateway takes of a consent's subject. {@code updatedAt} is the change's own stamp, as stored.
     */
    public HouseholdChanged event(Household household, LocalDate today) {
        HouseholdMember head = household.head();
        var facts = household.facts;
        int labour = (int) household.members.stream()
                .filter(m -> m.labourStatus == HouseholdFile.LabourStatus.FULL
                        || m.labourStatus == HouseholdFile.LabourStatus.PARTIAL)
                .count();
        var p = facts.production();
        var l = facts.land();
        var a = facts.assets();
        var i = facts.income();
        var d = facts.liabilities();
        var s = facts.social();
        return new HouseholdChanged(
                household.id.toString(),
                household.villageCode,
                household.townshipCode,
                household.villageCode.substring(0, 6),
                household.status.name(),
                household.closedReason == null ? null : household.closedReason.name(),
                household.version,
                new HouseholdChanged.Head(
                        Period.between(head.birthDate, today).getYears(),
                        head.sex.name(),
                        name(head.education),
                        name(head.health),
                        name(head.labourStatus)),
                household.members.size(),
                labour,
                household.yearsResident,
                p == null
                        ? null
                        : new HouseholdChanged.Production(
                                p.mainBusiness().name(),
                                p.scale(),
                                p.scaleUnit(),
                                p.yearsExperience(),
                                p.skillsAndCertificates() != null
                                        && !p.skillsAndCertificates().isEmpty(),
                                p.asOf(),
                                p.source()),
                l == null
                        ? null
                        : new HouseholdChanged.Land(l.contractedMu(), l.transferredInMu(), l.asOf(), l.source()),
                a == null
                        ? null
                        : new HouseholdChanged.Assets(
                                a.housing(),
                                a.machinery(),
                                a.vehicles(),
                                a.livestock(),
                                a.deposits(),
                                a.asOf(),
                                a.source()),
                i == null
                        ? null
                        : new HouseholdChanged.IncomeAndExpenses(
                                i.businessIncome(),
                                i.wageIncome(),
                                i.transferIncome(),
                                i.productionExpenses(),
                                i.livingExpenses(),
                                i.asOf(),
                                i.source()),
                d == null
                        ? null
                        : new HouseholdChanged.Liabilities(
                                d.bankLoans(), d.privateLoans(), d.guaranteesGiven(), d.asOf(), d.source()),
                s == null
                        ? null
                        : new HouseholdChanged.Social(
                                s.partyMember(),
                                s.villageCadre(),
                                s.militaryFamily(),
                                s.publicWelfareActivities(),
                                s.asOf(),
                                s.source()),
                facts.publicOrder() == null
                        ? List.of()
                        : facts.publicOrder().stream()
                                .map(f -> new HouseholdChanged.PublicOrderFact(
                                        f.kind().name(), f.date(), f.source(), f.ongoing()))
                                .toList(),
                new HouseholdChanged.ReportIdentity(
                        head.residentIdHash, PersonNames.mask(head.name), ResidentId.mask(residentIdOf(head))),
                household.updatedAt);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
