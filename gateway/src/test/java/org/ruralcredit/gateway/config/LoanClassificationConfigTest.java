package org.ruralcredit.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.LoanClassificationRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thresholds as configured: the shipped defaults, and a refusal that names the properties. */
class LoanClassificationConfigTest {

    private static LoanClassificationConfig config(int substandard, int doubtful, int loss) {
        return new LoanClassificationConfig() {
            @Override
            public int substandardAfterDays() {
                return substandard;
            }

            @Override
            public int doubtfulAfterDays() {
                return doubtful;
            }

            @Override
            public int lossAfterDays() {
                return loss;
            }
        };
    }

    @Test
    void applicationPropertiesSetTheRegulatoryDefaults() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String prefix = LoanClassificationConfig.PREFIX + ".";
        LoanClassificationRule rule = config(
                        Integer.parseInt(p.getProperty(prefix + "substandard-after-days")),
                        Integer.parseInt(p.getProperty(prefix + "doubtful-after-days")),
                        Integer.parseInt(p.getProperty(prefix + "loss-after-days")))
                .rule();
        assertEquals(new LoanClassificationRule(90, 180, 360), rule);
    }

    @Test
    void anInvalidSetIsRefusedNamingThePropertiesAndTheReason() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> config(180, 90, 360).rule());
        assertTrue(
                e.getMessage().contains("ruralcredit.loan-classification.substandard-after-days=180"), e.getMessage());
        assertTrue(e.getMessage().contains("strictly increase"), e.getMessage());
        assertTrue(assertThrows(
                        IllegalStateException.class, () -> config(0, 180, 360).rule())
                .getMessage()
                .contains("positive"));
    }
}
