package org.ruralcredit.sme;

import java.security.SecureRandom;
import java.util.Map;

import org.ruralcredit.commons.identity.Uscc;

import static io.restassured.RestAssured.given;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Fresh, valid credit codes and archived firms for tests; the test database outlives a run, so codes never repeat. */
public final class TestFirms {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestFirms() {}

    /** A valid code of market regulation ({@code 9}) with the given type digit, registered in Yuyao. */
    public static String freshCode(char type) {
        StringBuilder code = new StringBuilder("9").append(type).append("330281");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.append(Uscc.checkCharacter(code.toString())).toString();
    }

    /** A valid resident ID (GB 11643) of a Yuyao resident, different on every call. */
    public static String freshResidentId() {
        String first17 = String.format(
                "330281%04d%02d%02d%03d",
                1950 + RANDOM.nextInt(50), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), RANDOM.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The same code with a wrong check character. */
    public static String broken(String code) {
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    public static Map<String, Object> firm(
            String uscc, String name, String division, String industry, long capital, int employees) {
        return Map.of(
                "uscc",
                uscc,
                "name",
                name,
                "industryCode",
                industry,
                "registeredCapital",
                capital,
                "foundedOn",
                "2016-03-01",
                "employees",
                employees,
                "divisionCode",
                division,
                "legalRepresentative",
                Map.of("name", "林国强", "residentId", "330281198001010019", "phone", "13812345678"));
    }

    /** Archives a firm through the API as the credit-admin and returns its code. */
    public static String archive(String name, String division, String industry, long capital, int employees) {
        String uscc = freshCode('1');
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(firm(uscc, name, division, industry, capital, employees))
                .post("/api/v1/enterprises")
                .then()
                .statusCode(201);
        return uscc;
    }
}
