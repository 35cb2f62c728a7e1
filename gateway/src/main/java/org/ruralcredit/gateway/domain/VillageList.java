package org.ruralcredit.gateway.domain;

import java.util.List;
import java.util.Optional;

import org.ruralcredit.commons.problem.codes.GatewayCodes;

/**
 * 整村授信: what a lender's village campaign list is. It is a marketing list: for each credit
 * household a masked identity, the grade, whether it is a credit household and the line and rate
 * the lender's policies offer; never its assets, incomes or debts (those are in the household's
 * report, which needs its consent). Taking the list is a query of its own: one register entry per
 * list, the village as subject, under the purpose {@link #PURPOSE}, and only from a named person's
 * account, as any report.
 */
public final class VillageList {

    /** The register's subject type of a list; the subject reference is the village's code. */
    public static final String SUBJECT_TYPE = "VILLAGE";

    /** The register's purpose of a list: 营销名单（整村授信）. */
    public static final String PURPOSE = "MARKETING_LIST";

    private VillageList() {}

    /**
     * Why the list is refused to this account, if it is: shared counters and system accounts take
     * none, and an account of no institution has no policies to list offers for.
     */
    public static Optional<QueryRules.Refusal> check(String accountType, String institution) {
        if ("shared".equals(accountType) || "service".equals(accountType)) {
            return Optional.of(
                    new QueryRules.Refusal(GatewayCodes.CAMPAIGN_ACCOUNT_NOT_PERSONAL, List.of(accountType)));
        }
        if (institution == null || institution.isBlank()) {
            return Optional.of(new QueryRules.Refusal(GatewayCodes.QUERY_NO_INSTITUTION, List.of()));
        }
        return Optional.empty();
    }
}
