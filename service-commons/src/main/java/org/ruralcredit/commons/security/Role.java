package org.ruralcredit.commons.security;

/** The realm roles, by their names in the token. */
public final class Role {

    public static final String TOWNSHIP_OFFICIAL = "township-official";
    public static final String VILLAGE_CLERK = "village-clerk";
    public static final String LENDER = "lender";
    public static final String GOV_AGENCY = "gov-agency";
    public static final String CREDIT_ADMIN = "credit-admin";
    public static final String AUDITOR = "auditor";

    private Role() {
    }
}
