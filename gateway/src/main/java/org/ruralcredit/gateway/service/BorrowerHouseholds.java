package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.gateway.repository.HouseholdLinkRepository;
import org.ruralcredit.gateway.repository.HouseholdLinkRepository.Link;
import org.ruralcredit.gateway.service.HouseholdReportService.Outcome;
import org.ruralcredit.gateway.service.sources.RegistryClient;

/**
 * Which registry household a household borrower is. A report on the same head usually linked the
 * two already (the lender asked before lending); otherwise the registry is asked, within its
 * usual timeout. An unknown head or a registry that does not answer leaves the loan unlinked
 * until its next report: loan reporting never waits on the registry being up.
 */
@ApplicationScoped
public class BorrowerHouseholds {

    private static final Executor LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

    private final HouseholdLinkRepository links;
    private final HouseholdReportService registry;
    private final Clock clock;

    public BorrowerHouseholds(HouseholdLinkRepository links, HouseholdReportService registry, Clock clock) {
        this.links = links;
        this.registry = registry;
        this.clock = clock;
    }

    public Optional<UUID> of(String subjectHash, String residentId) {
        Optional<Link> known = links.find(subjectHash);
        if (known.isPresent()) {
            return Optional.of(known.get().householdId());
        }
        // asked from a thread of its own: the caller holds a database transaction, and the reactive
        // client's context propagation must neither see nor disturb it
        Outcome<RegistryClient.Household> answer = CompletableFuture.supplyAsync(
                        () -> registry.householdOf(residentId), LOOKUPS)
                .join();
        if (answer.value() == null) {
            return Optional.empty();
        }
        links.save(new Link(subjectHash, answer.value().id(), answer.value().villageCode()), clock.instant());
        return Optional.of(answer.value().id());
    }
}
