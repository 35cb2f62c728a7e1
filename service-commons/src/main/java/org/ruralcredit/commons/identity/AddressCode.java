package org.ruralcredit.commons.identity;

import java.util.Set;

/**
 * The first six digits of a resident ID: the address code (GB/T 2260) of the county where the
 * number was first issued — province (2 digits), prefecture (2), county (2).
 *
 * <p>What is checked, and why no more. A number keeps its birth-place county code for life, and
 * since the first numbers of 1984 counties have been renamed, merged, split and upgraded thousands
 * of times; the county part of a genuine number is often a code that no longer exists (e.g.
 * 330227 鄞县 before it became 鄞州区 330212). Checking the full six digits would need today's
 * division data plus a complete history of every edition of GB/T 2260, which the platform does not
 * have; a partial list would refuse real people. So only what never changed is checked:
 * <ul>
 *     <li>the province is one of the province-level codes (a closed list, below). No province-level
 *     code has been withdrawn since GB/T 2260 was first published (1980): Hainan (46, 1988) and
 *     Chongqing (50, 1997) were added, and people born there earlier keep 44 or 51 numbers, which
 *     are accepted anyway;</li>
 *     <li>the prefecture part is not {@code 00} when the county part is not {@code 00}: every county
 *     sits under a prefecture-level code, also the counties a province administers directly
 *     ({@code 90}, e.g. 429004 仙桃) and the districts of the municipalities ({@code 01}/{@code 02}).
 *     A code ending in {@code 0000} or {@code 00} (a province or prefecture as a whole) is kept: the
 *     residence permits of Hong Kong, Macao and Taiwan residents carry 810000, 820000 and 830000.</li>
 * </ul>
 * 71 (Taiwan) is in GB/T 2260 and kept; 83 is the address code of Taiwan residents' residence
 * permits (港澳台居民居住证, GB 11643 numbers since 2018). Foreigners' permanent-residence numbers
 * (2023 form, first digit 9) are not resident IDs and stay refused.
 */
public final class AddressCode {

    /** Province-level codes of GB/T 2260, plus 83 (residence permits of Taiwan residents). */
    public static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", // 北京 天津 河北 山西 内蒙古
            "21", "22", "23", // 辽宁 吉林 黑龙江
            "31", "32", "33", "34", "35", "36", "37", // 上海 江苏 浙江 安徽 福建 江西 山东
            "41", "42", "43", "44", "45", "46", // 河南 湖北 湖南 广东 广西 海南
            "50", "51", "52", "53", "54", // 重庆 四川 贵州 云南 西藏
            "61", "62", "63", "64", "65", // 陕西 甘肃 青海 宁夏 新疆
            "71", "81", "82", "83"); // 台湾 香港 澳门; 83 台湾居民居住证

    private AddressCode() {}

    /** Whether six digits can be the address code of a resident ID, by the rules above. */
    public static boolean plausible(String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return false;
        }
        return !(code.startsWith("00", 2) && !code.startsWith("00", 4));
    }
}
