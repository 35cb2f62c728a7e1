package org.ruralcredit.sme.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.domain.Enterprise;

/** Announces a firm's current public state, score and grade on sme.enterprise.v1 through the outbox. */
@ApplicationScoped
public class EnterpriseEvents {

    private final Outbox outbox;

    public EnterpriseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code financing} only for a financing report. */
    public void announce(Enterprise firm, String change, EnterpriseChanged.Financing financing) {
        outbox.record(
                EventCatalog.SME_ENTERPRISE_CHANGED,
                firm.uscc,
                new EnterpriseChanged(
                        firm.uscc,
                        change,
                        firm.name,
                        firm.entityType,
                        firm.industryCode,
                        firm.divisionCode,
                        firm.foundedOn,
                        firm.registeredCapital,
                        firm.employees,
                        firm.hasBankLoan,
                        firm.version,
                        firm.score,
                        firm.grade,
                        financing));
    }
}
