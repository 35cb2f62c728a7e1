package org.ruralcredit.sme.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a firm may receive an award, from its archived facts and earlier award decisions.
 * The answer carries reason categories only, never the facts behind them.
 */
public final class AwardRules {

    /** Why a firm fails; also the facts a custom rule set may choose to disqualify on. */
    public enum Reason {
        NOT_ARCHIVED,
        ABNORMAL_LISTING,
        NOT_ACTIVE_REGISTRATION,
        TAX_GRADE_D,
        TAX_ARREARS,
        DISHONEST_DEBTOR,
        QUALITY_VIOLATION,
        COOLING_OFF_REVOKED,
        COOLING_OFF_WITHDRAWN
    }

    /** The facts a rule set can name as disqualifying (the others are always applied). */
    public static final Set<Reason> DISQUALIFYING_FACTS = EnumSet.of(
            Reason.ABNORMAL_LISTING,
            Reason.NOT_ACTIVE_REGISTRATION,
            Reason.TAX_GRADE_D,
            Reason.TAX_ARREARS,
            Reason.DISHONEST_DEBTOR,
            Reason.QUALITY_VIOLATION);

    /** A programme's rules: facts in the last {@code lookBackYears} that disqualify. */
    public record RuleSet(String programme, int lookBackYears, Set<Reason> disqualifying) {
        public RuleSet {
            disqualifying = Set.copyOf(disqualifying);
        }
    }

    /** 守合同重信用: two years clean of listings, tax grade D, dishonest-debtor listing, quality violations, revocation. */
    public static final RuleSet CONTRACT_ABIDING = new RuleSet(
            "CONTRACT_ABIDING",
            2,
            EnumSet.of(
                    Reason.ABNORMAL_LISTING,
                    Reason.NOT_ACTIVE_REGISTRATION,
                    Reason.TAX_GRADE_D,
                    Reason.DISHONEST_DEBTOR,
                    Reason.QUALITY_VIOLATION));

    /** 诚信之星: three years clean, and no tax arrears either. */
    public static final RuleSet INTEGRITY_STAR = new RuleSet("INTEGRITY_STAR", 3, DISQUALIFYING_FACTS);

    /** A fact as archived: its source, as-of date and values. */
    public record Fact(FeedSource source, LocalDate asOf, Map<String, Object> values) {}

    /** An earlier decision on an award: GRANTED, REVOKED or WITHDRAWN, for a programme. */
    public record Decision(String programme, String outcome, LocalDate decidedOn) {}

    public record Verdict(boolean passed, List<Reason> reasons) {}

    private AwardRules() {}

    public static Verdict check(
            boolean archived,
            List<Fact> facts,
            List<Decision> decisions,
            RuleSet rules,
            LocalDate today,
            int revokedCoolingOffYears,
            int withdrawnCoolingOffYears) {
        if (!archived) {
            return new Verdict(false, List.of(Reason.NOT_ARCHIVED));
        }
        Set<Reason> found = new TreeSet<>();
        LocalDate since = today.minusYears(rules.lookBackYears());
        for (Fact fact : facts) {
            LocalDate when = fact.asOf();
            if (fact.source() == FeedSource.QUALITY && fact.values().get("lastViolationOn") instanceof String last) {
                when = LocalDate.parse(last);
            }
            if (when.isBefore(since)) {
                continue;
            }
            Map<String, Object> v = fact.values();
            switch (fact.source()) {
                case MARKET_REGULATION -> {
                    if (Boolean.TRUE.equals(v.get("abnormalListed"))) {
                        found.add(Reason.ABNORMAL_LISTING);
                    }
                    if (v.get("registrationStatus") != null && !"ACTIVE".equals(v.get("registrationStatus"))) {
                        found.add(Reason.NOT_ACTIVE_REGISTRATION);
                    }
                }
                case TAX -> {
                    if ("D".equals(v.get("creditGrade"))) {
                        found.add(Reason.TAX_GRADE_D);
                    }
                    if (v.get("arrears") instanceof Number n && n.longValue() > 0) {
                        found.add(Reason.TAX_ARREARS);
                    }
                }
                case COURTS -> {
                    if (Boolean.TRUE.equals(v.get("dishonestDebtor"))) {
                        found.add(Reason.DISHONEST_DEBTOR);
                    }
                }
                case QUALITY -> {
                    if (v.get("violations") instanceof Number n && n.longValue() > 0) {
                        found.add(Reason.QUALITY_VIOLATION);
                    }
                }
                default -> {}
            }
        }
        found.retainAll(rules.disqualifying());
        for (Decision d : decisions) {
            if (!d.programme().equals(rules.programme())) {
                continue;
            }
            // a revoked award bars re-application for 4 years, a withdrawn one for 2 (defaults)
            if ("REVOKED".equals(d.outcome())
                    && d.decidedOn().plusYears(revokedCoolingOffYears).isAfter(today)) {
                found.add(Reason.COOLING_OFF_REVOKED);
            }
            if ("WITHDRAWN".equals(d.outcome())
                    && d.decidedOn().plusYears(withdrawnCoolingOffYears).isAfter(today)) {
                found.add(Reason.COOLING_OFF_WITHDRAWN);
            }
        }
        return new Verdict(found.isEmpty(), List.copyOf(found));
    }
}
