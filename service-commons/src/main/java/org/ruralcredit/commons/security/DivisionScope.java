package org.ruralcredit.commons.security;

import java.util.Set;

/**
 * Which divisions a caller may see or change, from their roles and their {@code division} claim.
 * Statistical codes nest by prefix (county 6 digits, township 9, village 12), so "inside my
 * division" is a prefix test on the code.
 */
public record DivisionScope(boolean everywhere, String division) {

    public static final DivisionScope NOWHERE = new DivisionScope(false, null);

    /**
     * Read scope: administrators, auditors and the gateway's internal reader (whose paths the realm
     * restricts) read everything, officials their township, clerks their village.
     */
    public static DivisionScope forReading(Set<String> roles, String divisionClaim) {
        if (roles.contains(Role.CREDIT_ADMIN) || roles.contains(Role.AUDITOR) || roles.contains(Role.INTERNAL_READER)) {
            return new DivisionScope(true, null);
        }
        return forWriting(roles, divisionClaim);
    }

    /** Write scope: only the official of the township (or the clerk of the village, where a write allows clerks). */
    public static DivisionScope forWriting(Set<String> roles, String divisionClaim) {
        if (divisionClaim == null || !divisionClaim.matches("\\d{9}|\\d{12}")) {
            return NOWHERE;
        }
        boolean official = roles.contains(Role.TOWNSHIP_OFFICIAL) && divisionClaim.length() == 9;
        boolean clerk = roles.contains(Role.VILLAGE_CLERK) && divisionClaim.length() == 12;
        return official || clerk ? new DivisionScope(false, divisionClaim) : NOWHERE;
    }

    public boolean covers(String code) {
        if (everywhere) {
            return true;
        }
        return division != null && code != null && code.startsWith(division);
    }
}
