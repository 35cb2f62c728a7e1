package org.ruralcredit.console.service;

import jakarta.enterprise.context.RequestScoped;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** The page's language: Chinese unless the user switched to English (cookie {@code console-lang}). */
@RequestScoped
public class ConsoleLocale {

    public static final String COOKIE = "console-lang";

    private final String language;

    public ConsoleLocale(RoutingContext request) {
        Cookie cookie = request.request().getCookie(COOKIE);
        this.language = cookie != null && "en".equals(cookie.getValue()) ? "en" : "zh";
    }

    /** "zh" or "en". */
    public String language() {
        return language;
    }

    /** For Accept-Language to the APIs and the page's lang attribute. */
    public String tag() {
        return "zh".equals(language) ? "zh-CN" : "en";
    }
}
