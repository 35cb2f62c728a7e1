package org.ruralcredit.sme.domain;

/** Mainland mobile numbers and landlines with area code; shown masked in responses. */
public final class Phone {

    private static final String PATTERN = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    private Phone() {
    }

    public static boolean isValid(String phone) {
        return phone != null && phone.matches(PATTERN);
    }

    /** Keeps the first three and last four digits: {@code 138****5678}. */
    public static String mask(String phone) {
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
