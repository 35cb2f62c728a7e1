package org.ruralcredit.gateway.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.identity.PersonNames;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;
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
                errors.add(subjectError(field, id.refusalCode(), List.of()));
                return null;
            }
            return id.id().get().value();
        }
        String code = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
        Optional<Uscc.Refusal> problem = Uscc.refusal(code);
        if (problem.isPresent()) {
            errors.add(subjectError(field, problem.get().code(), problem.get().args()));
            return null;
        }
        return code;
    }

    /** The identity checks' common codes, each worded here with the subject it is about. */
    private static final Map<ProblemCode, GatewayCodes> SUBJECT_CODES = Map.ofEntries(
            Map.entry(CommonCodes.FIELD_REQUIRED, GatewayCodes.SUBJECT_RESIDENT_ID_REQUIRED),
            Map.entry(CommonCodes.RESIDENT_ID_LENGTH, GatewayCodes.SUBJECT_RESIDENT_ID_LENGTH),
            Map.entry(CommonCodes.RESIDENT_ID_BIRTH_DATE, GatewayCodes.SUBJECT_RESIDENT_ID_BIRTH_DATE),
            Map.entry(CommonCodes.RESIDENT_ID_BIRTH_RANGE, GatewayCodes.SUBJECT_RESIDENT_ID_BIRTH_RANGE),
            Map.entry(CommonCodes.RESIDENT_ID_CHECK_DIGIT, GatewayCodes.SUBJECT_RESIDENT_ID_CHECK_DIGIT),
            Map.entry(CommonCodes.USCC_REQUIRED, GatewayCodes.SUBJECT_USCC_REQUIRED),
            Map.entry(CommonCodes.USCC_LENGTH, GatewayCodes.SUBJECT_USCC_LENGTH),
            Map.entry(CommonCodes.USCC_CHARACTER, GatewayCodes.SUBJECT_USCC_CHARACTER),
            Map.entry(CommonCodes.USCC_AUTHORITY, GatewayCodes.SUBJECT_USCC_AUTHORITY),
            Map.entry(CommonCodes.USCC_CHECK_CHARACTER, GatewayCodes.SUBJECT_USCC_CHECK_CHARACTER));

    static FieldError subjectError(String field, ProblemCode refusal, List<Object> args) {
        GatewayCodes code = SUBJECT_CODES.get(refusal);
        return code == null
                ? FieldError.of(field, refusal, args.toArray())
                : FieldError.of(field, code, args.toArray());
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
        return PersonNames.mask(name);
    }
}
