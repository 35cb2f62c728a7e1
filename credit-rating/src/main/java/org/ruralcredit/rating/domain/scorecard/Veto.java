package org.ruralcredit.rating.domain.scorecard;

/** One-vote vetoes (一票否决): any of these makes a household ineligible whatever its score. */
public enum Veto {
    /** On the courts' list of dishonest judgment debtors (失信被执行人), still in force. */
    DISHONEST_DEBTOR,
    /** Malicious default on a loan (恶意逃废债), reported by a lender, on the five-year loan record. */
    MALICIOUS_DEFAULT,
    /** A veto item of the moral bank this year. */
    MORAL_VETO,
    /**
     * Facts of the file found false on review (a registry fact FALSE_INFORMATION, 提供虚假信息, within
     * three years).
     */
    FACTS_FOUND_FALSE,
    /** A public-security penalty within the last twelve months. */
    SERIOUS_PUBLIC_ORDER
}
