package org.ruralcredit.gateway.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A loan's overdue history (逾期记录) from its dated statuses: every status in which the loan was
 * overdue or classified worse than normal, and the status that ended each such spell (back to
 * normal, or settled), so a reader sees when it fell behind, how far, and when it was cured.
 */
public final class OverdueHistory {

    /** One dated status of a loan, in the order reported. */
    public record Status(LocalDate asOf, int overdueDays, LoanClassification classification, boolean settled) {

        boolean adverse() {
            return overdueDays > 0 || classification != LoanClassification.NORMAL;
        }
    }

    private OverdueHistory() {}

    public static List<Status> of(List<Status> statuses) {
        List<Status> shown = new ArrayList<>();
        boolean inSpell = false;
        for (Status s : statuses) {
            if (s.adverse()) {
                shown.add(s);
                inSpell = true;
            } else if (inSpell) {
                shown.add(s);
                inSpell = false;
            }
        }
        return List.copyOf(shown);
    }
}
