package org.ruralcredit.gateway.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.metrics.ChainVerificationFailures;
import org.ruralcredit.gateway.domain.QueryRegisterEntry;
import org.ruralcredit.gateway.domain.RegisterChain;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;

/**
 * Appends to and verifies the query register's hash chain, and lists it for auditors. New entries are
 * written in the current chain version; each stored entry is verified in the form of its own version.
 *
 * <p>Appends are serialised by a transaction-scoped PostgreSQL advisory lock: the head is read and
 * the new entries inserted while the lock is held, and the lock is released only at commit, so two
 * concurrent queries never name the same predecessor (no fork), on any number of replicas. A
 * transaction may append several entries under one lock ({@link #open}), each after the one before.
 */
@ApplicationScoped
public class QueryRegisterService {

    private static final int VERIFY_BATCH = 1000;

    /** One page of the register, newest first, and how many entries there are in all. */
    public record Listing(List<QueryRegisterEntry> items, long total) {}

    private final QueryRegisterRepository register;
    private final ChainVerificationFailures verificationFailures;

    public QueryRegisterService(QueryRegisterRepository register, ChainVerificationFailures verificationFailures) {
        this.register = register;
        this.verificationFailures = verificationFailures;
    }

    /**
     * The chain locked until the caller's transaction ends, and its head as the entries appended in
     * that transaction move it: a batch of entries takes the lock and reads the head once.
     */
    public static final class OpenChain {
        private String head;

        private OpenChain(String head) {
            this.head = head;
        }
    }

    /** Locks the chain for the caller's transaction and reads its head. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OpenChain open() {
        register.lockChain();
        return new OpenChain(register.headHash().orElse(RegisterChain.GENESIS));
    }

    /** The new entry's seq, appended after the open chain's head. Runs in the transaction that opened it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(OpenChain chain, RegisterChain.Fields fields) {
        String hash = RegisterChain.hash(chain.head, fields);
        long seq = register.insert(fields, chain.head, hash, ChainRule.CURRENT_VERSION);
        chain.head = hash;
        return seq;
    }

    /** The new entry's seq. Runs in the caller's transaction: the entry commits with what it records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(RegisterChain.Fields fields) {
        return append(open(), fields);
    }

    /** Walks the whole chain in seq order in batches and reports the first broken link. */
    @Transactional
    public RegisterChain.Verification verify() {
        String prev = RegisterChain.GENESIS;
        long after = 0;
        long checked = 0;
        while (true) {
            List<RegisterChain.Link> batch = register.linksAfter(after, VERIFY_BATCH);
            if (batch.isEmpty()) {
                return new RegisterChain.Verification(checked, true, null, null, prev);
            }
            RegisterChain.Walk walk = RegisterChain.walk(prev, batch);
            if (walk.broken().isPresent()) {
                RegisterChain.Broken broken = walk.broken().get();
                verificationFailures.record();
                return new RegisterChain.Verification(
                        checked + walk.intact(), false, broken.seq(), broken.problem(), walk.lastHash());
            }
            checked += batch.size();
            prev = walk.lastHash();
            after = batch.get(batch.size() - 1).seq();
        }
    }

    /** The page and the count, read in one transaction. */
    @Transactional
    public Listing newestFirst(int page, int size) {
        return new Listing(register.newestFirst(page, size), register.count());
    }
}
