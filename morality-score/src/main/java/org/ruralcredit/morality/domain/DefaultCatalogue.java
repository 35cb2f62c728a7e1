package org.ruralcredit.morality.domain;

import java.time.LocalDate;
import java.util.List;

import org.ruralcredit.morality.domain.Catalogue.CreditBand;
import org.ruralcredit.morality.domain.Catalogue.DeedRule;
import org.ruralcredit.morality.domain.Catalogue.Standard;
import org.ruralcredit.morality.domain.Catalogue.VetoItem;

/**
 * Version 1 of the catalogue, after the Yuyao moral bank (余姚道德银行): four standards capped
 * 36/22/22/20, sixteen deed rules, three veto items, a base of 60 points a year, moral credit from
 * 80 points and the green card (道德绿卡) from 95. A credit-admin replaces it with later versions.
 */
public final class DefaultCatalogue {

    private DefaultCatalogue() {}

    public static Catalogue v1() {
        return new Catalogue(
                1,
                LocalDate.of(2020, 1, 1),
                60,
                80,
                95,
                List.of(
                        new Standard("LAW_AND_CIVILITY", "遵纪守法·行为文明", "Law-abiding and civil conduct", 36),
                        new Standard("PUBLIC_SPIRIT", "热心公益·支持发展", "Public-spirited, supporting development", 22),
                        new Standard("HONESTY_AND_INDUSTRY", "诚实守信·勤劳致富", "Honest, hard-working and thriving", 22),
                        new Standard("FAMILY_AND_NEIGHBOURS", "家庭和睦·邻里团结", "Harmonious family and neighbours", 20)),
                List.of(
                        new DeedRule(
                                "L01", "LAW_AND_CIVILITY", "全年遵守村规民约", "Kept the village rules all year", 6, false, 6),
                        new DeedRule("L02", "LAW_AND_CIVILITY", "见义勇为", "Acted bravely to help others", 10, true, 20),
                        new DeedRule("L03", "LAW_AND_CIVILITY", "违章搭建", "Illegal construction", -10, true, null),
                        new DeedRule(
                                "L04",
                                "LAW_AND_CIVILITY",
                                "乱倒垃圾、破坏环境卫生",
                                "Dumping rubbish, spoiling the environment",
                                -3,
                                false,
                                null),
                        new DeedRule("L05", "LAW_AND_CIVILITY", "赌博", "Gambling", -10, true, null),
                        new DeedRule(
                                "P01", "PUBLIC_SPIRIT", "参与公益劳动", "Took part in public-welfare labour", 2, false, 10),
                        new DeedRule("P02", "PUBLIC_SPIRIT", "无偿献血", "Donated blood", 3, true, 6),
                        new DeedRule(
                                "P03", "PUBLIC_SPIRIT", "捐资助学、扶贫济困", "Donated to schools or the needy", 4, true, 12),
                        new DeedRule("P04", "PUBLIC_SPIRIT", "参加志愿服务", "Volunteer service", 2, false, 8),
                        new DeedRule(
                                "H01",
                                "HONESTY_AND_INDUSTRY",
                                "按时还贷、守信履约",
                                "Repaid loans on time, kept contracts",
                                4,
                                true,
                                8),
                        new DeedRule(
                                "H02",
                                "HONESTY_AND_INDUSTRY",
                                "带头致富、带动乡邻就业",
                                "Led the way to prosperity, gave neighbours work",
                                5,
                                true,
                                10),
                        new DeedRule(
                                "H03",
                                "HONESTY_AND_INDUSTRY",
                                "欠债不还、失信违约",
                                "Defaulted on debts, broke agreements",
                                -8,
                                true,
                                null),
                        new DeedRule(
                                "F01",
                                "FAMILY_AND_NEIGHBOURS",
                                "孝老爱亲",
                                "Filial, caring for the elderly and family",
                                4,
                                false,
                                8),
                        new DeedRule(
                                "F02",
                                "FAMILY_AND_NEIGHBOURS",
                                "调解纠纷、邻里互助",
                                "Mediated disputes, helped neighbours",
                                3,
                                false,
                                9),
                        new DeedRule(
                                "F03",
                                "FAMILY_AND_NEIGHBOURS",
                                "拒不履行赡养义务",
                                "Refused to support elderly parents",
                                -10,
                                true,
                                null),
                        new DeedRule("F04", "FAMILY_AND_NEIGHBOURS", "家庭暴力", "Domestic violence", -10, true, null)),
                List.of(
                        new VetoItem("V01", "受到刑事处罚", "Convicted of a crime"),
                        new VetoItem(
                                "V02", "列入失信被执行人名单或恶意逃废债务", "On the dishonest-debtor list or evading debts on purpose"),
                        new VetoItem(
                                "V03", "参与黑恶势力、邪教或聚众闹事", "Took part in organised crime, a cult or a mob disturbance")),
                List.of(new CreditBand(80, 30_000), new CreditBand(90, 50_000), new CreditBand(95, 100_000)));
    }
}
