package org.ruralcredit.commons.security;

/** The realm roles, by their names in the token. */
public final class Role {

    public static final String TOWNSHIP_OFFICIAL = "township-official";
    public static final String VILLAGE_CLERK = "village-clerk";
    public static final String LENDER = "lender";
    public static final String GOV_AGENCY = "gov-agency";
    public static final String CREDIT_ADMIN = "credit-admin";
    public static final String AUDITOR = "auditor";

    /** The platform's own roles, as opposed to Keycloak's defaults (offline_access, uma_authorization, …). */
    public static final java.util.Set<String> ALL = java.util.Set.of(
            TOWNSHIP_OFFICIAL, VILLAGE_CLERK, LENDER, GOV_AGENCY, CREDIT_ADMIN, AUDITOR);

    private Role() {
    }
}
