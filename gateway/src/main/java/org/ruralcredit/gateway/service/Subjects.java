package org.ruralcredit.gateway.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.Problem.FieldError;
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
        if (type == SubjectType.HOUSEHOLD) {
            ResidentId.Result id = ResidentId.parse(raw, today);
            if (!id.valid()) {
                errors.add(new FieldError(field, "resident ID " + id.refusal()));
                return null;
            }
            return id.id().get().value();
        }
        String code = raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<String> problem = Uscc.problemWith(code);
        if (problem.isPresent()) {
            errors.add(new FieldError(field, "credit code " + problem.get()));
            return null;
        }
        return code;
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

    /** The identifier in plain, for a consented read from the registry only; never logged or returned. */
    public String identifier(byte[] enc) {
        return cipher.decrypt(enc);
    }

    /** A person's name in a report: the family name, the rest starred (王建国 → 王**). */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
