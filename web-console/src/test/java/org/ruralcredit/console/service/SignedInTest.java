package org.ruralcredit.console.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The header names the person as their own office writes the name. */
class SignedInTest {

    @Test
    void aChineseNameIsFamilyNameFirstWithoutASpace() {
        assertEquals("林国强", SignedIn.personName("林", "国强", "official-linshan"));
    }

    @Test
    void aWesternNameIsGivenNameFirst() {
        assertEquals("Jane Doe", SignedIn.personName("Doe", "Jane", "jdoe"));
    }

    @Test
    void withoutANameTheLoginIsShown() {
        assertEquals("official-linshan", SignedIn.personName(null, " ", "official-linshan"));
        assertEquals("国强", SignedIn.personName(null, "国强", "official-linshan"));
    }
}
