package org.ruralcredit.gateway.domain;

/** Why a lender may query a subject's report; a consent names exactly one. */
public enum ConsentPurpose {
    /** 贷款审批: one consent, one query. */
    LOAN_APPLICATION,
    /** 贷后管理: only while the lender holds an active loan with the subject. */
    POST_LOAN_MANAGEMENT,
    /** 担保资格审查. */
    GUARANTEE_REVIEW;

    public boolean singleUse() {
        return this == LOAN_APPLICATION;
    }
}
