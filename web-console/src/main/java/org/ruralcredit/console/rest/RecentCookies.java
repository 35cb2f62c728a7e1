package org.ruralcredit.console.rest;

import jakarta.ws.rs.core.NewCookie;

/**
 * The browser's own short lists of what its user worked on lately ({@link org.ruralcredit.console.view.RecentIds}):
 * consents a loan officer recorded or reported under, campaigns an administrator started or opened.
 * The platform keeps no such list a console may read; opening an item still asks the platform.
 */
final class RecentCookies {

    static final String CONSENTS = "console-recent-consents";
    static final String CAMPAIGNS = "console-recent-campaigns";
    static final int KEPT = 12;

    private RecentCookies() {
    }

    static NewCookie consents(String value) {
        return cookie(CONSENTS, value);
    }

    static NewCookie campaigns(String value) {
        return cookie(CAMPAIGNS, value);
    }

    private static NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/console").maxAge(90 * 24 * 3600).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
