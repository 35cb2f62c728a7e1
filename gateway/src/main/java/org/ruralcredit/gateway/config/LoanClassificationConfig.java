package org.ruralcredit.gateway.config;

import io.smallrye.config.ConfigMapping;

import org.ruralcredit.gateway.domain.LoanClassificationRule;

/**
 * Overdue days after which a loan a lender reports without a classification is 次级, 可疑, 损失
 * (strictly more days; any overdue day is at least 关注). Set in application.properties; checked when
 * the gateway starts (LoanClassificationProducer), so a bad set never classifies a loan.
 */
@ConfigMapping(prefix = "ruralcredit.loan-classification")
public interface LoanClassificationConfig {

    String PREFIX = "ruralcredit.loan-classification";

    int substandardAfterDays();

    int doubtfulAfterDays();

    int lossAfterDays();

    /** The rule of these thresholds; a refusal names the properties and why. */
    default LoanClassificationRule rule() {
        try {
            return new LoanClassificationRule(substandardAfterDays(), doubtfulAfterDays(), lossAfterDays());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Invalid loan classification thresholds " + PREFIX
                            + ".substandard-after-days=" + substandardAfterDays() + ", .doubtful-after-days="
                            + doubtfulAfterDays() + ", .loss-after-days=" + lossAfterDays() + ": " + e.getMessage(),
                    e);
        }
    }
}
