package org.ruralcredit.console.service.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import org.ruralcredit.console.service.ConsoleLocale;

/**
 * Accept-Language on every call in the page's language, so a refusal comes back as the service's
 * problem already written in the language the reader sees.
 */
@ApplicationScoped
public class PageLanguage implements ClientHeadersFactory {

    private final ConsoleLocale locale;

    public PageLanguage(ConsoleLocale locale) {
        this.locale = locale;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.ACCEPT_LANGUAGE, locale.tag());
        return headers;
    }
}
