package org.ruralcredit.commons.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PersonNamesTest {

    @Test
    void theFamilyNameStaysAndEveryOtherCharacterIsStarred() {
        assertEquals("王**", PersonNames.mask("王建国"));
        assertEquals("李*", PersonNames.mask("李明"));
        assertEquals("𠮷*", PersonNames.mask("𠮷䶮"));
        assertEquals("阿*******", PersonNames.mask("阿依古丽·买买提"));
        assertNull(PersonNames.mask(null));
    }
}
