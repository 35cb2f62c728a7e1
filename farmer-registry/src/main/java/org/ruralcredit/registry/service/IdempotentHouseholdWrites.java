package org.ruralcredit.registry.service;

import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.idempotency.Answer;
import org.ruralcredit.commons.idempotency.AnswerSeal;
import org.ruralcredit.commons.idempotency.IdempotencyStore;
import org.ruralcredit.commons.idempotency.IdempotentReply;
import org.ruralcredit.commons.idempotency.IdempotentRequest;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.registry.domain.Household;

/**
 * Creating and correcting a file under an Idempotency-Key (a field tablet resending after a lost
 * answer): the key and the write commit together, and a resend gets the first answer, filed once.
 * The stored answer shows the file as its township's official saw it, identifiers in full, so it
 * is kept encrypted like the file.
 */
@ApplicationScoped
public class IdempotentHouseholdWrites {

    private final HouseholdService households;
    private final IdempotencyStore keys;
    private final AnswerSeal seal;

    public IdempotentHouseholdWrites(HouseholdService households, IdempotencyStore keys, PersonalDataCipher cipher) {
        this.households = households;
        this.keys = keys;
        this.seal = AnswerSeal.encryptedWith(cipher);
    }

    @Transactional
    public IdempotentReply create(
            IdempotentRequest request,
            Actor actor,
            HouseholdFile file,
            String reason,
            Function<Household, Answer> answer) {
        return keys.once(request, seal, () -> households.create(actor, file, reason, answer));
    }

    @Transactional
    public IdempotentReply correct(
            IdempotentRequest request,
            Actor actor,
            UUID id,
            int expectedVersion,
            HouseholdFile file,
            String reason,
            Function<Household, Answer> answer) {
        return keys.once(request, seal, () -> households.correct(actor, id, expectedVersion, file, reason, answer));
    }
}
