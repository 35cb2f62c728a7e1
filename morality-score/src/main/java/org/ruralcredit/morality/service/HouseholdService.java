package org.ruralcredit.morality.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.morality.domain.Household;

/** What the village records about a household beyond the registry: the head's name for postings, and the ranking opt-in. */
@ApplicationScoped
public class HouseholdService {

    private final Directory directory;
    private final Caller caller;
    private final Clock clock;

    public HouseholdService(Directory directory, Caller caller, Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.caller = caller;
    }

    @Transactional
    public Household recordHead(String householdId, String headName, boolean rankingOptIn) {
        Household h = directory.known(householdId);
        if (!caller.writeScope().covers(h.villageCode)) {
            throw ApiException.of(MoralityCodes.HOUSEHOLD_OUTSIDE_DIVISION, householdId);
        }
        h.headName = headName.strip();
        h.rankingOptIn = rankingOptIn;
        h.updatedAt = Instant.now(clock);
        return h;
    }
}
