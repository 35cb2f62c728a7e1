package org.ruralcredit.rating.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.scheduling.AfterCommit;

/** A consumer that marked a household for re-rating calls this: the rater is woken when the mark commits. */
@ApplicationScoped
public class RerateAfterCommit {

    private final AfterCommit afterCommit;
    private final HouseholdRater rater;

    public RerateAfterCommit(AfterCommit afterCommit, HouseholdRater rater) {
        this.afterCommit = afterCommit;
        this.rater = rater;
    }

    public void marked() {
        afterCommit.once(RerateAfterCommit.class, rater::wakeAfterQuietPeriod);
    }
}
