package org.ruralcredit.rating.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.domain.Village;
import org.ruralcredit.rating.repository.VillageRepository;

/** The villages the caller may read, as the registry's profiles last described them. */
@ApplicationScoped
public class VillageService {

    private final VillageRepository villages;
    private final Caller caller;

    public VillageService(VillageRepository villages, Caller caller) {
        this.villages = villages;
        this.caller = caller;
    }

    /** The villages of a township inside the caller's read scope, by code. */
    @Transactional
    public List<Village> inTownship(String township) {
        requireReadable(township);
        return villages.inTownship(township);
    }

    /** One village inside the caller's read scope; a village outside it is refused before it is looked up. */
    @Transactional
    public Village get(String code) {
        requireReadable(code);
        Village village = villages.findById(code);
        if (village == null) {
            throw ApiException.of(RatingCodes.VILLAGE_NOT_KNOWN, code);
        }
        return village;
    }

    private void requireReadable(String code) {
        if (!caller.readScope().covers(code)) {
            throw ApiException.of(RatingCodes.DIVISION_OUTSIDE_SCOPE, code);
        }
    }
}
