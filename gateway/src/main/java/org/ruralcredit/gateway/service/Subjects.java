package org.ruralcredit.gateway.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
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
                errors.add(residentIdError(field, id.refusal()));
                return null;
            }
            return id.id().get().value();
        }
        String code = raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<String> problem = Uscc.problemWith(code);
        if (problem.isPresent()) {
            errors.add(creditCodeError(field, code));
            return null;
        }
        return code;
    }

    /** ResidentId's reasons, each a code of its own (the reasons are a closed set of sentences). */
    private static final Map<String, GatewayCodes> RESIDENT_ID_CODES = Map.of(
            "is required", GatewayCodes.SUBJECT_RESIDENT_ID_REQUIRED,
            "must be 18 characters: 17 digits and a check digit or X", GatewayCodes.SUBJECT_RESIDENT_ID_LENGTH,
            "has no valid birth date in positions 7 to 14", GatewayCodes.SUBJECT_RESIDENT_ID_BIRTH_DATE,
            "has a birth date outside 1900 to today", GatewayCodes.SUBJECT_RESIDENT_ID_BIRTH_RANGE,
            "has a wrong check digit (GB 11643)", GatewayCodes.SUBJECT_RESIDENT_ID_CHECK_DIGIT);

    static FieldError residentIdError(String field, String reason) {
        GatewayCodes code = RESIDENT_ID_CODES.get(reason);
        if (code == null) {
            throw new IllegalStateException("a resident ID reason without a code: " + reason);
        }
        return FieldError.of(field, code);
    }

    /** Why a credit code is refused, as a code with the values it names (the same order of checks as Uscc). */
    static FieldError creditCodeError(String field, String code) {
        if (code == null || code.isEmpty()) {
            return FieldError.of(field, GatewayCodes.SUBJECT_USCC_REQUIRED);
        }
        if (code.length() != 18) {
            return FieldError.of(field, GatewayCodes.SUBJECT_USCC_LENGTH, code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (USCC_ALPHABET.indexOf(code.charAt(i)) < 0) {
                return FieldError.of(field, GatewayCodes.SUBJECT_USCC_CHARACTER, i + 1, String.valueOf(code.charAt(i)));
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return FieldError.of(field, GatewayCodes.SUBJECT_USCC_AUTHORITY);
        }
        return FieldError.of(field, GatewayCodes.SUBJECT_USCC_CHECK_CHARACTER, String.valueOf(code.charAt(17)),
                String.valueOf(Uscc.checkCharacter(code.substring(0, 17))));
    }

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

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
