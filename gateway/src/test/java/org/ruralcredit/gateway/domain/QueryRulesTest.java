package org.ruralcredit.gateway.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.QueryRules.ConsentState;
import org.ruralcredit.gateway.domain.QueryRules.Refusal;
import org.ruralcredit.gateway.domain.QueryRules.Request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryRulesTest {

    private static final WorkingHours HOURS = new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            LocalTime.of(18, 0),
            ZoneId.of("Asia/Shanghai"));
    private static final Instant WEDNESDAY_10 = Instant.parse("2026-11-18T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private static ConsentState consent(ConsentPurpose purpose) {
        return new ConsentState(
                "YYRCB", SubjectType.HOUSEHOLD, purpose, TODAY.minusDays(3), TODAY.plusDays(30), false, false);
    }

    private static Request request(ConsentState c, ConsentPurpose purpose) {
        return new Request("named", "YYRCB", purpose, SubjectType.HOUSEHOLD, c, false, WEDNESDAY_10, TODAY);
    }

    private static String code(Optional<Refusal> refusal) {
        return refusal.map(Refusal::slug).orElse("GRANTED");
    }

    @Test
    void aValidLoanApplicationConsentIsGranted() {
        assertEquals(
                "GRANTED",
                code(QueryRules.check(
                        request(consent(ConsentPurpose.LOAN_APPLICATION), ConsentPurpose.LOAN_APPLICATION), HOURS)));
    }

    @Test
    void sharedAndServiceAccountsAreRefusedWhateverTheConsent() {
        ConsentState c = consent(ConsentPurpose.LOAN_APPLICATION);
        for (String type : new String[] {"shared", "service"}) {
            Request r = new Request(
                    type,
                    "YYRCB",
                    ConsentPurpose.LOAN_APPLICATION,
                    SubjectType.HOUSEHOLD,
                    c,
                    false,
                    WEDNESDAY_10,
                    TODAY);
            assertEquals("account-not-personal", code(QueryRules.check(r, HOURS)));
        }
    }

    @Test
    void outsideWorkingHoursIsRefused() {
        Request r = new Request(
                "named",
                "YYRCB",
                ConsentPurpose.LOAN_APPLICATION,
                SubjectType.HOUSEHOLD,
                consent(ConsentPurpose.LOAN_APPLICATION),
                false,
                Instant.parse("2026-11-21T02:00:00Z"),
                TODAY);
        Refusal refusal = QueryRules.check(r, HOURS).orElseThrow();
        assertEquals("outside-working-hours", refusal.slug());
        assertTrue(refusal.detail().contains("08:00–18:00 Asia/Shanghai"), refusal.detail());
    }

    @Test
    void everyConsentStateRuleRefuses() {
        ConsentState ok = consent(ConsentPurpose.LOAN_APPLICATION);
        assertEquals("consent-missing", code(QueryRules.check(request(null, ConsentPurpose.LOAN_APPLICATION), HOURS)));
        assertEquals(
                "consent-of-another-institution",
                code(QueryRules.check(
                        request(
                                new ConsentState(
                                        "NBBANK",
                                        ok.subjectType(),
                                        ok.purpose(),
                                        ok.signedOn(),
                                        ok.expiresOn(),
                                        false,
                                        false),
                                ConsentPurpose.LOAN_APPLICATION),
                        HOURS)));
        assertEquals(
                "consent-subject-mismatch",
                code(QueryRules.check(
                        request(
                                new ConsentState(
                                        "YYRCB",
                                        SubjectType.FIRM,
                                        ok.purpose(),
                                        ok.signedOn(),
                                        ok.expiresOn(),
                                        false,
                                        false),
                                ConsentPurpose.LOAN_APPLICATION),
                        HOURS)));
        assertEquals(
                "consent-revoked",
                code(QueryRules.check(
                        request(
                                new ConsentState(
                                        "YYRCB",
                                        ok.subjectType(),
                                        ok.purpose(),
                                        ok.signedOn(),
                                        ok.expiresOn(),
                                        true,
                                        false),
                                ConsentPurpose.LOAN_APPLICATION),
                        HOURS)));
        assertEquals(
                "consent-expired",
                code(QueryRules.check(
                        request(
                                new ConsentState(
                                        "YYRCB",
                                        ok.subjectType(),
                                        ok.purpose(),
                                        TODAY.minusDays(40),
                                        TODAY.minusDays(1),
                                        false,
                                        false),
                                ConsentPurpose.LOAN_APPLICATION),
                        HOURS)));
        assertEquals(
                "consent-used",
                code(QueryRules.check(
                        request(
                                new ConsentState(
                                        "YYRCB",
                                        ok.subjectType(),
                                        ok.purpose(),
                                        ok.signedOn(),
                                        ok.expiresOn(),
                                        false,
                                        true),
                                ConsentPurpose.LOAN_APPLICATION),
                        HOURS)));
        assertEquals("purpose-mismatch", code(QueryRules.check(request(ok, ConsentPurpose.GUARANTEE_REVIEW), HOURS)));
    }

    @Test
    void aLenderAccountWithoutAnInstitutionIsRefusedBeforeTheConsentIsLookedAt() {
        for (String institution : new String[] {null, "", "  "}) {
            // even a missing consent is not reached: who asks comes first
            Request r = new Request(
                    "named",
                    institution,
                    ConsentPurpose.LOAN_APPLICATION,
                    SubjectType.HOUSEHOLD,
                    null,
                    false,
                    WEDNESDAY_10,
                    TODAY);
            assertEquals("no-institution", code(QueryRules.check(r, HOURS)));
        }
        Request serviceWithoutInstitution = new Request(
                "service",
                null,
                ConsentPurpose.LOAN_APPLICATION,
                SubjectType.HOUSEHOLD,
                consent(ConsentPurpose.LOAN_APPLICATION),
                false,
                WEDNESDAY_10,
                TODAY);
        assertEquals("account-not-personal", code(QueryRules.check(serviceWithoutInstitution, HOURS)));
    }

    @Test
    void aConsentSignedLaterThanTodayIsNotYetValid() {
        ConsentState tomorrow = new ConsentState(
                "YYRCB",
                SubjectType.HOUSEHOLD,
                ConsentPurpose.GUARANTEE_REVIEW,
                TODAY.plusDays(1),
                TODAY.plusDays(30),
                false,
                false);
        Refusal refusal = QueryRules.check(request(tomorrow, ConsentPurpose.GUARANTEE_REVIEW), HOURS)
                .orElseThrow();
        assertEquals("consent-not-yet-valid", refusal.slug());
        assertEquals(List.of(TODAY.plusDays(1)), refusal.args(), refusal.detail());
        ConsentState signedToday = new ConsentState(
                "YYRCB",
                SubjectType.HOUSEHOLD,
                ConsentPurpose.GUARANTEE_REVIEW,
                TODAY,
                TODAY.plusDays(30),
                false,
                false);
        assertEquals("GRANTED", code(QueryRules.check(request(signedToday, ConsentPurpose.GUARANTEE_REVIEW), HOURS)));
    }

    @Test
    void aConsentExpiringTodayIsStillValidToday() {
        ConsentState lastDay = new ConsentState(
                "YYRCB",
                SubjectType.HOUSEHOLD,
                ConsentPurpose.GUARANTEE_REVIEW,
                TODAY.minusDays(3),
                TODAY,
                false,
                false);
        assertEquals("GRANTED", code(QueryRules.check(request(lastDay, ConsentPurpose.GUARANTEE_REVIEW), HOURS)));
    }

    @Test
    void onlyLoanApplicationConsentsAreUsedUp() {
        ConsentState usedGuarantee = new ConsentState(
                "YYRCB",
                SubjectType.HOUSEHOLD,
                ConsentPurpose.GUARANTEE_REVIEW,
                TODAY.minusDays(3),
                TODAY.plusDays(3),
                false,
                true);
        assertEquals("GRANTED", code(QueryRules.check(request(usedGuarantee, ConsentPurpose.GUARANTEE_REVIEW), HOURS)));
    }

    @Test
    void postLoanQueriesNeedAnActiveLoanWithTheSubject() {
        ConsentState postLoan = consent(ConsentPurpose.POST_LOAN_MANAGEMENT);
        assertEquals(
                "no-active-loan",
                code(QueryRules.check(request(postLoan, ConsentPurpose.POST_LOAN_MANAGEMENT), HOURS)));
        Request withLoan = new Request(
                "named",
                "YYRCB",
                ConsentPurpose.POST_LOAN_MANAGEMENT,
                SubjectType.HOUSEHOLD,
                postLoan,
                true,
                WEDNESDAY_10,
                TODAY);
        assertEquals("GRANTED", code(QueryRules.check(withLoan, HOURS)));
    }
}
