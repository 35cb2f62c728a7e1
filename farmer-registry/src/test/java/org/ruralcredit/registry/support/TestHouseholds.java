package org.ruralcredit.registry.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ruralcredit.commons.identity.ResidentId;

/**
 * Synthetic but valid household files for tests. Resident IDs are random per call (the test
 * database is kept between runs, and a person may be in only one active household).
 */
public final class TestHouseholds {

    private TestHouseholds() {}

    /** A valid GB 11643 number for Yuyao with the given sex, birth date random between 1950 and 2005. */
    public static String residentId(char sex) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
        int sequence = random.nextInt(100) * 10 + (sex == 'M' ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
        String first17 = "330281" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }

    public static Map<String, Object> member(String name, String relation, String residentId) {
        Map<String, Object> member = new HashMap<>();
        member.put("name", name);
        member.put("relation", relation);
        member.put("residentId", residentId);
        member.put("education", "JUNIOR_HIGH");
        member.put("health", "HEALTHY");
        member.put("labourStatus", "FULL");
        return member;
    }

    /** A complete file for a household of two in the given village. */
    public static Map<String, Object> file(String villageCode, String headId, String spouseId) {
        Map<String, Object> file = new HashMap<>();
        file.put("villageCode", villageCode);
        file.put("address", "临山镇临山村 12 号");
        file.put("phone", "13805741234");
        file.put("yearsResident", 30);
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("王建国", "HEAD", headId));
        members.add(member("李秀英", "SPOUSE", spouseId));
        file.put("members", members);
        file.put(
                "production",
                Map.of(
                        "mainBusiness",
                        "PLANTING",
                        "scale",
                        25.5,
                        "scaleUnit",
                        "亩",
                        "yearsExperience",
                        18,
                        "skillsAndCertificates",
                        List.of("新型职业农民证书"),
                        "asOf",
                        "2026-05-01",
                        "source",
                        "入户调查"));
        file.put("land", Map.of("contractedMu", 8, "transferredInMu", 17.5, "asOf", "2026-05-01", "source", "村委会"));
        file.put(
                "assets",
                Map.of(
                        "housing",
                        300000,
                        "machinery",
                        40000,
                        "vehicles",
                        60000,
                        "livestock",
                        0,
                        "deposits",
                        50000,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "入户调查"));
        file.put(
                "income",
                Map.of(
                        "businessIncome",
                        120000,
                        "wageIncome",
                        30000,
                        "transferIncome",
                        2000,
                        "productionExpenses",
                        40000,
                        "livingExpenses",
                        36000,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "入户调查"));
        file.put(
                "liabilities",
                Map.of(
                        "bankLoans",
                        50000,
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
                        false,
                        "villageCadre",
                        false,
                        "militaryFamily",
                        false,
                        "publicWelfareActivities",
                        3,
                        "asOf",
                        "2026-05-01",
                        "source",
                        "村委会"));
        file.put(
                "publicOrder",
                List.of(Map.of(
                        "kind",
                        "VILLAGE_RULE_VIOLATION",
                        "date",
                        "2025-03-02",
                        "source",
                        "村委会",
                        "description",
                        "乱堆柴草",
                        "ongoing",
                        false)));
        return file;
    }
}
