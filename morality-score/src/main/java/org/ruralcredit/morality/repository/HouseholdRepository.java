package org.ruralcredit.morality.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.morality.domain.Household;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, String> {

    /** Locks the household row: appending to its ledger chain is serialised per household. */
    public Optional<Household> lockForAppend(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Household> byIds(List<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public List<Household> ofVillage(String villageCode) {
        return list("villageCode = ?1 order by id", villageCode);
    }
}
