package org.ruralcredit.gateway.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.gateway.domain.Checked;
import org.ruralcredit.gateway.domain.CreditCode;
import org.ruralcredit.gateway.domain.ResidentId;
import org.ruralcredit.gateway.domain.SubjectType;

/** Checks, encrypts, hashes and masks subject identifiers; the only place that sees them in plain. */
@ApplicationScoped
public class Subjects {

    private final PersonalDataCipher cipher;

    public Subjects(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The normalised identifier, or null with the refusal added to {@code errors}. */
    public String check(SubjectType type, String raw, String field, LocalDate today, List<FieldError> errors) {
        if (type == null) {
            return null;
        }
        Checked checked = type == SubjectType.HOUSEHOLD ? ResidentId.check(raw, today) : CreditCode.check(raw);
        if (!checked.valid()) {
            errors.add(new FieldError(field, (type == SubjectType.HOUSEHOLD ? "resident ID " : "credit code ")
                    + checked.refusal()));
            return null;
        }
        return checked.value().orElseThrow();
    }

    public byte[] encrypt(String id) {
        return cipher.encrypt(id);
    }

    public String hash(SubjectType type, String id) {
        return cipher.lookupHash(type.lookupKind(), id);
    }

    /** Resident IDs masked; a firm's credit code is public (it is printed on the business licence) and shown whole. */
    public String masked(SubjectType type, byte[] enc) {
        String id = cipher.decrypt(enc);
        return type == SubjectType.HOUSEHOLD ? ResidentId.mask(id) : id;
    }
}
