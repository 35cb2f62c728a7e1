package org.ruralcredit.events.sme;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.EventFormatException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnterpriseChangedTest {

    private static final EnterpriseChanged FINANCED = new EnterpriseChanged(
            "91330100716105852F",
            EnterpriseChanged.FINANCED,
            "余姚市临山葡萄专业合作社",
            "FARMERS_COOPERATIVE",
            "A0151",
            "330281100202",
            LocalDate.of(2015, 4, 8),
            500_000L,
            12,
            true,
            3,
            78,
            "B",
            new EnterpriseChanged.Financing("YYRCB", 300_000, LocalDate.of(2026, 10, 30)));

    @Test
    void roundTripKeepsEveryField() {
        EventEnvelope<EnterpriseChanged> sent =
                EventEnvelope.of(EventCatalog.SME_ENTERPRISE_CHANGED, FINANCED.uscc(), "sme-archive", FINANCED);

        String json = EventCodec.encode(sent);
        EventEnvelope<?> received = EventCodec.decode(json);

        assertEquals(sent, received);
        assertEquals(FINANCED, received.dataAs(EventCatalog.SME_ENTERPRISE_CHANGED));
        assertEquals("sme.enterprise.v1", EventCatalog.SME_ENTERPRISE_CHANGED.topic());
        assertTrue(json.contains("\"financedOn\":\"2026-10-30\""), json);
        assertTrue(!json.contains("residentId") && !json.contains("phone"), json);
    }

    @Test
    void financingOnlyWithAFinancedChange() {
        assertThrows(
                EventFormatException.class,
                () -> new EnterpriseChanged(
                        "91330100716105852F",
                        EnterpriseChanged.UPDATED,
                        "x",
                        "ENTERPRISE",
                        null,
                        "330281100",
                        null,
                        null,
                        null,
                        true,
                        1,
                        null,
                        null,
                        FINANCED.financing()));
        assertThrows(
                EventFormatException.class,
                () -> new EnterpriseChanged(
                        "91330100716105852F",
                        EnterpriseChanged.FINANCED,
                        "x",
                        "ENTERPRISE",
                        null,
                        "330281100",
                        null,
                        null,
                        null,
                        true,
                        1,
                        null,
                        null,
                        null));
    }

    @Test
    void malformedCodeOrDivisionIsRejected() {
        assertThrows(
                EventFormatException.class,
                () -> new EnterpriseChanged(
                        "91330100716105852I",
                        EnterpriseChanged.CREATED,
                        "x",
                        "ENTERPRISE",
                        null,
                        "330281100",
                        null,
                        null,
                        null,
                        false,
                        1,
                        null,
                        null,
                        null));
        assertThrows(
                EventFormatException.class,
                () -> new EnterpriseChanged(
                        "91330100716105852F",
                        EnterpriseChanged.CREATED,
                        "x",
                        "ENTERPRISE",
                        null,
                        "330281",
                        null,
                        null,
                        null,
                        false,
                        1,
                        null,
                        null,
                        null));
    }

    @Test
    void unknownChangeKindIsRejected() {
        assertThrows(
                EventFormatException.class,
                () -> new EnterpriseChanged(
                        "91330100716105852F",
                        "MERGED",
                        "x",
                        "ENTERPRISE",
                        null,
                        "330281100",
                        null,
                        null,
                        null,
                        false,
                        1,
                        null,
                        null,
                        null));
    }
}
