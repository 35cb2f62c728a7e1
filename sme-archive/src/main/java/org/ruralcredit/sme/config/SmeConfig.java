package org.ruralcredit.sme.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold of the small-firm archive, and the keys that protect personal data. */
@ConfigMapping(prefix = "ruralcredit.sme")
public interface SmeConfig {

    CrossCheck crossCheck();

    Feeds feeds();

    Awards awards();

    interface CrossCheck {
        /** Gap (percentage points) between stated and computed figures above which a filing is flagged. */
        @WithDefault("5")
        double tolerancePoints();
    }

    interface Feeds {
        /** Rows one upload may carry. */
        @WithDefault("20000")
        int maxRows();
    }

    interface Awards {
        /** Codes one award check may carry. */
        @WithDefault("5000")
        int maxCodes();

        /** Years a revoked award bars re-application to the same programme. */
        @WithDefault("4")
        int revokedCoolingOffYears();

        /** Years a withdrawn award bars re-application to the same programme. */
        @WithDefault("2")
        int withdrawnCoolingOffYears();
    }
}
