package org.ruralcredit.morality.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.repository.HouseholdRepository;

/** Finds households in the directory and applies the read scope: officials their township, clerks their village. */
@ApplicationScoped
public class Directory {

    private final HouseholdRepository households;
    private final Caller caller;

    public Directory(HouseholdRepository households, Caller caller) {
        this.households = households;
        this.caller = caller;
    }

    public Household known(String householdId) {
        Household h = households.findById(householdId);
        if (h == null) {
            throw ApiException.of(MoralityCodes.HOUSEHOLD_UNKNOWN, householdId);
        }
        return h;
    }

    public Household readable(String householdId) {
        Household h = known(householdId);
        if (!caller.readScope().covers(h.villageCode)) {
            throw ApiException.of(MoralityCodes.HOUSEHOLD_OUTSIDE_DIVISION, householdId);
        }
        return h;
    }

    public void requireReadableVillage(String villageCode) {
        if (villageCode == null || !villageCode.matches("\\d{12}")) {
            throw ApiException.invalid("villageCode", MoralityCodes.VILLAGE_CODE_FORMAT);
        }
        if (!caller.readScope().covers(villageCode)) {
            throw ApiException.of(MoralityCodes.VILLAGE_OUTSIDE_DIVISION, villageCode);
        }
    }
}
