package org.ruralcredit.commons.security;

import java.util.Set;

/** The realm roles, by their names in the token. */
public final class Role {

    public static final String TOWNSHIP_OFFICIAL = "township-official";
    public static final String VILLAGE_CLERK = "village-clerk";
    public static final String LENDER = "lender";
    public static final String GOV_AGENCY = "gov-agency";
    public static final String CREDIT_ADMIN = "credit-admin";
    public static final String AUDITOR = "auditor";
    /**
     * The gateway's service account: reads across divisions, but the realm allows it only on the
     * internal read paths the gateway's reports use (no person holds it).
     */
    public static final String INTERNAL_READER = "internal-reader";

    /** The platform's own roles, as opposed to Keycloak's defaults (offline_access, uma_authorization, …). */
    public static final Set<String> ALL =
            Set.of(TOWNSHIP_OFFICIAL, VILLAGE_CLERK, LENDER, GOV_AGENCY, CREDIT_ADMIN, AUDITOR);

    private Role() {}
}
