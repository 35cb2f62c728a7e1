package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.QueryRegisterEntry;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;

/**
 * A household's own view of the query register, for its township's official: every request about the
 * household, granted or refused, newest first.
 */
@ApplicationScoped
public class HouseholdQueries {

    static final int LIMIT = 200;

    private final QueryRegisterRepository register;
    private final StatementService townships;
    private final Subjects subjects;
    private final Clock clock;

    public HouseholdQueries(
            QueryRegisterRepository register, StatementService townships, Subjects subjects, Clock clock) {
        this.register = register;
        this.townships = townships;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** Only an official of the household's own township (asked of the registry) reads it. */
    public List<QueryRegisterEntry> of(String residentId, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        String id = subjects.check(SubjectType.HOUSEHOLD, residentId, "residentId", LocalDate.now(clock), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (caller.division() == null || caller.division().length() != 9) {
            throw ApiException.of(GatewayCodes.HOUSEHOLD_QUERIES_OFFICIAL_ONLY);
        }
        townships.requireOwnTownship(id, caller.division());
        return allFor(subjects.hash(SubjectType.HOUSEHOLD, id));
    }

    /** Its own transaction, after the registry has answered: none is held open while the registry is asked. */
    @Transactional
    List<QueryRegisterEntry> allFor(String subjectHash) {
        return register.allFor(SubjectType.HOUSEHOLD.name(), subjectHash, LIMIT);
    }
}
