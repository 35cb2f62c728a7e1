package org.ruralcredit.rating.domain.division;

public enum CriterionStatus {
    PASS,
    FAIL,
    NOT_ASSESSABLE
}
