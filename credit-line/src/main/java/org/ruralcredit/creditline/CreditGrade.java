package org.ruralcredit.creditline;

/**
 * A household's grade as lenders see it. BELOW_A is not a credit household (非信用户):
 * no credit line under the default policy.
 */
public enum CreditGrade {
    AAA,
    AA,
    A,
    BELOW_A;

    public boolean isCreditHousehold() {
        return this != BELOW_A;
    }
}
