package org.ruralcredit.system;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ruralcredit.commons.identity.ResidentId;

/** Test data the system tests share. */
public final class SystemFixtures {

    private SystemFixtures() {}

    /** A household file of 临山村 (head 陈国平, a strong processing household). */
    public static Map<String, Object> householdFile(String head, String spouse) {
        Map<String, Object> file = new HashMap<>();
        file.put("villageCode", "330281100202");
        file.put("address", "临山镇临山村 8 号");
        file.put("yearsResident", 40);
        file.put(
                "members",
                List.of(
                        Map.of(
                                "name",
                                "陈国平",
                                "relation",
                                "HEAD",
                                "residentId",
                                head,
                                "education",
                                "SENIOR_HIGH",
                                "labourStatus",
                                "FULL"),
                        Map.of("name", "周丽娟", "relation", "SPOUSE", "residentId", spouse, "labourStatus", "FULL")));
        file.put(
                "production",
                Map.of(
                        "mainBusiness",
                        "PROCESSING",
                        "yearsExperience",
                        15,
                        "skillsAndCertificates",
                        List.of("食品加工证"),
                        "asOf",
                        "2026-05-01",
                        "source",
                        "入户调查"));
        file.put(
                "assets",
                Map.of(
                        "housing",
                        500000,
                        "machinery",
                        100000,
                        "vehicles",
                        80000,
                        "livestock",
                        0,
                        "deposits",
                        120000,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "入户调查"));
        file.put(
                "income",
                Map.of(
                        "businessIncome",
                        260000,
                        "wageIncome",
                        0,
                        "transferIncome",
                        0,
                        "productionExpenses",
                        80000,
                        "livingExpenses",
                        40000,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "入户调查"));
        file.put(
                "liabilities",
                Map.of(
                        "bankLoans",
                        100000,
                        "privateLoans",
                        0,
                        "guaranteesGiven",
                        0,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "余姚农商银行"));
        file.put(
                "social",
                Map.of(
                        "partyMember",
                        true,
                        "villageCadre",
                        false,
                        "militaryFamily",
                        false,
                        "publicWelfareActivities",
                        4,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "村委会"));
        return file;
    }

    /**
     * A valid resident ID with a random birth date and sequence: the test database is kept between
     * runs and a person may be in only one active household.
     */
    public static String residentId(char sex) {
        var random = ThreadLocalRandom.current();
        String birth = LocalDate.of(1950, 1, 1)
                .plusDays(random.nextInt(50 * 365))
                .toString()
                .replace("-", "");
        int sequence = random.nextInt(100) * 10 + (sex == 'M' ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
        String first17 = "330281" + birth + String.format("%03d", sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }
}
