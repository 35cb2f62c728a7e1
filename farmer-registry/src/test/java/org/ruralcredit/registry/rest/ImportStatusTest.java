package org.ruralcredit.registry.rest;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.ruralcredit.registry.domain.ImportJob;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API names every state a job can be in, and no other: a job view never fails on a new state. */
class ImportStatusTest {

    @Test
    void theApiNamesTheDomainsStates() {
        assertEquals(
                Arrays.stream(ImportJob.Status.values()).map(Enum::name).toList(),
                Arrays.stream(ImportResource.ImportStatus.values())
                        .map(Enum::name)
                        .toList());
    }
}
