package org.ruralcredit.sme.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** Resident identity number, GB 11643-1999: 18 characters, ISO 7064 MOD 11-2 check, birth date in 7-14. */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    private ResidentId() {
    }

    /** Why {@code id} is not a valid resident ID; empty if it is. */
    public static Optional<String> problemWith(String id) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return Optional.of("must be 18 characters: 17 digits and a digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return Optional.of("birth date in positions 7-14 is not plausible");
            }
        } catch (DateTimeException e) {
            return Optional.of("positions 7-14 are not a valid birth date");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        char expected = CHECKS.charAt(sum % 11);
        return id.charAt(17) == expected ? Optional.empty()
                : Optional.of("check digit should be '" + expected + "': the number is mistyped");
    }

    /** Shows the first six and last four digits only, e.g. {@code 330281********1234}. */
    public static String mask(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }
}
