package org.ruralcredit.gateway.domain;

/** Whom a consent, a query or a loan is about: a household (by its head's resident ID) or a firm (by USCC). */
public enum SubjectType {
    HOUSEHOLD("resident-id"),
    FIRM("uscc");

    private final String lookupKind;

    SubjectType(String lookupKind) {
        this.lookupKind = lookupKind;
    }

    /**
     * The kind under which the keyed lookup hash is taken; "resident-id" is the one farmer-registry
     * uses, so services sharing the lookup key recognise the same household.
     */
    public String lookupKind() {
        return lookupKind;
    }
}
