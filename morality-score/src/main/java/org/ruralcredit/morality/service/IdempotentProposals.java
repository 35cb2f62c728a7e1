package org.ruralcredit.morality.service;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.idempotency.Answer;
import org.ruralcredit.commons.idempotency.AnswerSeal;
import org.ruralcredit.commons.idempotency.IdempotencyStore;
import org.ruralcredit.commons.idempotency.IdempotentReply;
import org.ruralcredit.commons.idempotency.IdempotentRequest;

/**
 * Proposing under an Idempotency-Key (a clerk's tablet resending after a lost answer): the key and
 * the proposal commit together, and a resend gets the first answer, proposed once. A proposal's
 * answer holds no personal identifiers (households are pseudonymous ids here), so it is stored as is.
 */
@ApplicationScoped
public class IdempotentProposals {

    private final ProposalService proposals;
    private final IdempotencyStore keys;

    public IdempotentProposals(ProposalService proposals, IdempotencyStore keys) {
        this.proposals = proposals;
        this.keys = keys;
    }

    @Transactional
    public IdempotentReply propose(
            IdempotentRequest request, NewProposal proposal, Function<ProposalService.Proposed, Answer> answer) {
        return keys.once(request, AnswerSeal.PLAIN, () -> answer.apply(proposals.propose(proposal)));
    }
}
