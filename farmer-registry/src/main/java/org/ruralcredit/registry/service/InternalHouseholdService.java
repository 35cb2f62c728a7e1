package org.ruralcredit.registry.service;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.repository.HouseholdRepository;

/**
 * The gateway's reads for consented reports and village campaigns. The caller's {@code answer} is
 * made inside the transaction: a file's members load lazily.
 */
@ApplicationScoped
public class InternalHouseholdService {

    private final HouseholdRepository households;
    private final HouseholdDocuments documents;

    public InternalHouseholdService(HouseholdRepository households, HouseholdDocuments documents) {
        this.households = households;
        this.documents = documents;
    }

    /** The active file this person heads, wherever it is: the gateway holds the person's consent. */
    @Transactional
    public <T> T activeByHead(ResidentId head, Function<Household, T> answer) {
        return answer.apply(households
                .activeByHead(documents.hashOfResidentId(head.value()))
                .orElseThrow(() -> ApiException.of(RegistryCodes.HOUSEHOLD_HEAD_NOT_FOUND)));
    }

    /** The first {@code limit} active files of a village, in the order a listing shows them. */
    @Transactional
    public <T> List<T> activeInVillage(String villageCode, int limit, Function<Household, T> answer) {
        return households.inDivision(villageCode, true, 0, limit).stream()
                .map(answer)
                .toList();
    }
}
