package org.ruralcredit.registry.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.repository.DivisionRepository;

/** The official division codes, read by anyone signed in. */
@ApplicationScoped
public class DivisionService {

    private final DivisionRepository divisions;

    public DivisionService(DivisionRepository divisions) {
        this.divisions = divisions;
    }

    @Transactional
    public List<Division> provinces() {
        return divisions.provinces();
    }

    @Transactional
    public Division get(String code) {
        Division division = divisions.findById(code);
        if (division == null) {
            throw ApiException.of(RegistryCodes.DIVISION_NOT_FOUND, code);
        }
        return division;
    }

    /** The divisions directly inside one; an unknown code is not found rather than empty. */
    @Transactional
    public List<Division> childrenOf(String code) {
        get(code);
        return divisions.childrenOf(code);
    }
}
