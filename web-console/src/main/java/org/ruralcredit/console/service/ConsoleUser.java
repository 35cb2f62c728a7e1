package org.ruralcredit.console.service;

import java.util.Set;

import io.quarkus.qute.TemplateData;

import org.ruralcredit.commons.security.Role;

/** Who is signed in, as the pages need it: the login and the person's name, the division or institution, and what the roles allow. */
@TemplateData
public record ConsoleUser(
        String login,
        String name,
        Set<String> roles,
        String division,
        String institution,
        String divisionName,
        String institutionName) {

    public boolean official() {
        return roles.contains(Role.TOWNSHIP_OFFICIAL);
    }

    public boolean clerk() {
        return roles.contains(Role.VILLAGE_CLERK);
    }

    /** Officials and clerks keep the household files of their township or village. */
    public boolean keepsFiles() {
        return official() || clerk();
    }

    public boolean lender() {
        return roles.contains(Role.LENDER);
    }

    public boolean agency() {
        return roles.contains(Role.GOV_AGENCY);
    }

    public boolean admin() {
        return roles.contains(Role.CREDIT_ADMIN);
    }

    public boolean auditor() {
        return roles.contains(Role.AUDITOR);
    }

    /** The role whose name the header shows (an account normally holds one platform role). */
    public String mainRole() {
        return roles.stream().sorted().findFirst().orElse("none");
    }
}
