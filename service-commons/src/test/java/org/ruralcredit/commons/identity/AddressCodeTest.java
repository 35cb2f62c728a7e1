package org.ruralcredit.commons.identity;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressCodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "330281", // 余姚市
                "330227", // 鄞县: withdrawn in 2002, still on the numbers of people born there
                "429004", // 仙桃: a county-level city the province administers directly (prefecture 90)
                "500228", // 梁平县 under 重庆市 县 (prefecture 02)
                "513022", // 四川 numbers of people born in what is Chongqing today
                "460100", // 海口市 as a whole
                "810000", "820000", "830000", // residence permits of Hong Kong, Macao and Taiwan residents
                "710000", "110000"
            })
    void realOrOnceRealCodesPass(String code) {
        assertTrue(AddressCode.plausible(code), code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "000000", "990000", "100101", "160000", "240101", "380000", "470000", "550000", "660000", "720000",
                "800000", "840000", "910000", "330081", // prefecture 00 under a county
                "33028", "3302811", "33028A", ""
            })
    void codesOfNoProvinceOrNoPrefectureFail(String code) {
        assertFalse(AddressCode.plausible(code), code);
    }

    @Test
    void theProvincesAreExactlyTheThirtyFourOfGbT2260AndTheTaiwanPermitCode() {
        assertEquals(35, AddressCode.PROVINCES.size());
        long passing = IntStream.range(0, 100)
                .mapToObj(p -> String.format("%02d0000", p))
                .filter(AddressCode::plausible)
                .count();
        assertEquals(35, passing);
        assertFalse(AddressCode.plausible(null));
    }
}
