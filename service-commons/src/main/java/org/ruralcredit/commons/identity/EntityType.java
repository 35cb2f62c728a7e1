package org.ruralcredit.commons.identity;

/**
 * What kind of body a credit code was issued to, from its first two characters (GB 32100-2015:
 * registering authority, then the type within it). Market regulation ({@code 9}) issues codes to
 * enterprises ({@code 91}), sole traders / 个体工商户 ({@code 92}) and farmers' professional
 * cooperatives ({@code 93}); family farms register as one of these. Codes of other authorities
 * (institutions, social organisations) are {@link #OTHER}.
 */
public enum EntityType {
    ENTERPRISE,
    SOLE_TRADER,
    FARMERS_COOPERATIVE,
    OTHER;

    static EntityType of(char authority, char type) {
        if (authority != '9') {
            return OTHER;
        }
        return switch (type) {
            case '1' -> ENTERPRISE;
            case '2' -> SOLE_TRADER;
            case '3' -> FARMERS_COOPERATIVE;
            default -> OTHER;
        };
    }
}
