package org.ruralcredit.rating.rest;

/** The division codes a request may name: county (6 digits), township (9) or village (12). */
final class DivisionCodes {

    static final String PATTERN = "\\d{6}|\\d{9}|\\d{12}";

    private DivisionCodes() {}
}
