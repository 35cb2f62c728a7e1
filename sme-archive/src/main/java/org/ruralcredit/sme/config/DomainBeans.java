package org.ruralcredit.sme.config;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.sme.domain.DivisionCodes;
import org.ruralcredit.sme.domain.FirmScorecard;
import org.ruralcredit.sme.domain.FirmScorecardModel;
import org.ruralcredit.sme.domain.PersonalDataProtector;

/** Makes the plain domain classes available for injection, built from configuration and packaged data. */
public class DomainBeans {

    @Produces
    @ApplicationScoped
    PersonalDataProtector personalDataProtector(PersonalDataCipher cipher) {
        return new PersonalDataProtector(cipher);
    }

    @Produces
    @ApplicationScoped
    DivisionCodes divisionCodes() {
        return new DivisionCodes(
                codes(DivisionFiles.Level.COUNTY),
                codes(DivisionFiles.Level.TOWNSHIP),
                codes(DivisionFiles.Level.VILLAGE));
    }

    /**
     * Read and checked at start-up: a scorecard document that contradicts itself keeps the service from
     * starting. A singleton, as a record cannot stand behind a client proxy.
     */
    @Produces
    @Startup
    @Singleton
    FirmScorecardModel firmScorecard() {
        return FirmScorecard.shippedModel();
    }

    /** A level's codes from the shipped division data, as numbers. */
    private static LongStream codes(DivisionFiles.Level level) {
        try (Stream<DivisionFiles.Division> divisions = DivisionFiles.read(level)) {
            long[] codes = divisions.mapToLong(d -> Long.parseLong(d.code())).toArray();
            return LongStream.of(codes);
        }
    }
}
