package org.ruralcredit.morality.domain;

import java.util.List;

/** 公示 form of a name: the family name followed by 某, so a posting names no one in full. */
public final class NameMask {

    private static final List<String> COMPOUND_SURNAMES = List.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "西门", "南宫", "独孤",
            "万俟", "闻人");

    private NameMask() {}

    public static String mask(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "某户";
        }
        String name = fullName.strip();
        String family = COMPOUND_SURNAMES.stream()
                .filter(name::startsWith)
                .findFirst()
                .orElse(name.substring(0, name.offsetByCodePoints(0, 1)));
        return family + "某";
    }
}
