package org.ruralcredit.commons.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Something to do once the current transaction has committed, at most once per key and transaction. */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry registry;

    public AfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** Without a transaction (or once it rolls back) the action does not run. */
    public void once(Object key, Runnable action) {
        if (registry.getTransactionStatus() != Status.STATUS_ACTIVE || registry.getResource(key) != null) {
            return;
        }
        registry.putResource(key, true);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
