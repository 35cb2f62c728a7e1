package org.ruralcredit.sme.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
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
        return new DivisionCodes(codes("areas"), codes("streets"), codes("villages"));
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

    /** First column of a packaged division file, header skipped. */
    private static LongStream codes(String level) {
        String path = "divisions/" + level + ".csv.gz";
        try (InputStream in = DomainBeans.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("division list " + path + " is not packaged");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            long[] codes = reader.lines().skip(1).mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                    .toArray();
            return LongStream.of(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
