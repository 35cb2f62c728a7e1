package org.ruralcredit.console.view;

import java.util.Collection;
import java.util.Map;

/**
 * The import template's columns explained in the page's language. The registry's guide names each
 * column by its Chinese header (the contract) and explains it in English only, so the console
 * keeps its own explanation per header ({@code imports.guide.<key>} in the console's texts); a
 * column it does not know yet keeps the registry's words. Pure.
 */
public final class ImportGuide {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("户主身份证号", "headId"),
            Map.entry("与户主关系", "relation"),
            Map.entry("姓名", "name"),
            Map.entry("身份证号", "residentId"),
            Map.entry("性别", "sex"),
            Map.entry("出生日期", "birthDate"),
            Map.entry("文化程度", "education"),
            Map.entry("健康状况", "health"),
            Map.entry("职业", "occupation"),
            Map.entry("劳动力状况", "labour"),
            Map.entry("村代码", "villageCode"),
            Map.entry("住址", "address"),
            Map.entry("联系电话", "phone"),
            Map.entry("居住年限", "yearsResident"),
            Map.entry("主业", "mainBusiness"),
            Map.entry("经营规模", "scale"),
            Map.entry("规模单位", "scaleUnit"),
            Map.entry("从业年限", "yearsExperience"),
            Map.entry("技能证书", "skills"),
            Map.entry("承包地亩数", "contractedMu"),
            Map.entry("流转入亩数", "transferredMu"),
            Map.entry("住房价值", "housing"),
            Map.entry("农机价值", "machinery"),
            Map.entry("车辆价值", "vehicles"),
            Map.entry("畜禽价值", "livestock"),
            Map.entry("存款", "deposits"),
            Map.entry("经营收入", "businessIncome"),
            Map.entry("工资收入", "wageIncome"),
            Map.entry("转移收入", "transferIncome"),
            Map.entry("生产支出", "productionExpenses"),
            Map.entry("生活支出", "livingExpenses"),
            Map.entry("银行贷款", "bankLoans"),
            Map.entry("民间借款", "privateLoans"),
            Map.entry("对外担保", "guarantees"),
            Map.entry("党员户", "partyMember"),
            Map.entry("村干部户", "villageCadre"),
            Map.entry("军属户", "militaryFamily"),
            Map.entry("公益活动次数", "welfare"),
            Map.entry("信息日期", "asOf"),
            Map.entry("信息来源", "source"),
            Map.entry("公共秩序类型", "orderKind"),
            Map.entry("公共秩序日期", "orderDate"),
            Map.entry("公共秩序来源", "orderSource"),
            Map.entry("公共秩序说明", "orderDescription"),
            Map.entry("公共秩序是否持续", "orderOngoing"));

    private ImportGuide() {}

    /** The text key explaining a column, or null for a column the console does not know. */
    public static String key(String header) {
        String key = header == null ? null : KEYS.get(header.strip());
        return key == null ? null : "imports.guide." + key;
    }

    /** The column's explanation: the console's words when it has them, else the registry's. */
    public static String meaning(String header, String registryMeaning, Map<String, String> words) {
        String key = key(header);
        String own = key == null ? null : words.get(key);
        return own != null ? own : registryMeaning == null ? "" : registryMeaning;
    }

    public static Collection<String> keys() {
        return KEYS.values().stream().map(k -> "imports.guide." + k).toList();
    }
}
