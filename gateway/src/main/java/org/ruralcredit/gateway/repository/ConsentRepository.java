package org.ruralcredit.gateway.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.ConsentPurpose;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /**
     * Whose consents a list covers: those given to {@code institution}, and those recorded for a
     * household by an official of {@code division}; a null side covers nothing. {@code recordedBy}
     * narrows to one person's when not null.
     */
    public record Scope(String institution, String division, String recordedBy) {
        public boolean empty() {
            return institution == null && division == null;
        }
    }

    /** One page of consents in scope, newest first, and how many there are in all. */
    public record Listing(List<Consent> items, long total) {}

    /** Row-locked, so two queries cannot both spend one single-use consent. */
    public Optional<Consent> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Consent> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * {@code status} is one of {@link Consent#STATUSES} or null for all, decided on {@code today}
     * exactly as {@link Consent#status(LocalDate)} decides it.
     */
    public Listing newestFirst(Scope scope, String status, LocalDate today, int page, int size) {
        if (scope.empty()) {
            return new Listing(List.of(), 0);
        }
        Map<String, Object> params = new HashMap<>();
        List<String> whose = new ArrayList<>();
        if (scope.institution() != null) {
            whose.add("institution = :institution");
            params.put("institution", scope.institution());
        }
        if (scope.division() != null) {
            whose.add("onBehalfDivision = :division");
            params.put("division", scope.division());
        }
        StringBuilder q =
                new StringBuilder("(").append(String.join(" or ", whose)).append(")");
        if (scope.recordedBy() != null) {
            q.append(" and recordedBy = :recordedBy");
            params.put("recordedBy", scope.recordedBy());
        }
        if (status != null) {
            String unspent = "revokedAt is null and (purpose not in :singleUse or usedAt is null)";
            q.append(" and ")
                    .append(
                            switch (status) {
                                case "REVOKED" -> "revokedAt is not null";
                                case "USED" -> "revokedAt is null and purpose in :singleUse and usedAt is not null";
                                case "EXPIRED" -> unspent + " and expiresOn < :today";
                                case "ACTIVE" -> unspent + " and expiresOn >= :today";
                                default -> throw new IllegalArgumentException(status);
                            });
            if (!status.equals("REVOKED")) {
                params.put(
                        "singleUse",
                        Arrays.stream(ConsentPurpose.values())
                                .filter(ConsentPurpose::singleUse)
                                .toList());
            }
            if (status.equals("EXPIRED") || status.equals("ACTIVE")) {
                params.put("today", today);
            }
        }
        PanacheQuery<Consent> found = find(q + " order by recordedAt desc, id desc", params);
        long total = found.count();
        return new Listing(found.page(Page.of(page, size)).list(), total);
    }
}
