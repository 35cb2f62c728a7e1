package org.ruralcredit.registry.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.crypto.PersonalDataCipher;
import org.ruralcredit.commons.crypto.Sha256;
import org.ruralcredit.commons.identity.PersonNames;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.repository.DivisionRepository;
import org.ruralcredit.registry.repository.FieldBundleRepository;

/**
 * What the offline field app caches of a village, a page at a time: its active files with what a
 * visit needs to find the household and to correct its file (the version the correction starts
 * from), identities masked for every caller — a tablet left in a car holds no full name or ID.
 * Only the people who visit get it: the clerk of the village and the officials of its township
 * (the write scope; administrators and auditors read files online, one at a time).
 */
@ApplicationScoped
public class FieldBundleService {

    /** Raised whenever what a page holds, or how it is written, changes: old tags stop matching. */
    static final String FORMAT = "field-bundle/1";

    public record Village(String code, String name, String townshipCode, String townshipName) {}

    public record FieldHousehold(
            UUID id,
            int version,
            String headName,
            String headResidentId,
            int members,
            String mainBusiness,
            LocalDate factsAsOf) {}

    public record Bundle(Village village, int page, int size, long total, List<FieldHousehold> households) {}

    /** The page's tag, and the page itself unless the caller said it holds that tag already (then null). */
    public record Answer(String tag, Bundle bundle) {}

    private final DivisionRepository divisions;
    private final FieldBundleRepository bundles;
    private final PersonalDataCipher cipher;

    public FieldBundleService(DivisionRepository divisions, FieldBundleRepository bundles, PersonalDataCipher cipher) {
        this.divisions = divisions;
        this.bundles = bundles;
        this.cipher = cipher;
    }

    /**
     * Page {@code page} of {@code size} of the village's active files, or only its tag when
     * {@code held} accepts it (the caller's If-None-Match): no file is read or decrypted then.
     */
    @Transactional
    public Answer bundle(Actor actor, String villageCode, int page, int size, Predicate<String> held) {
        if (!actor.writeScope().covers(villageCode)) {
            throw ApiException.of(RegistryCodes.VILLAGE_OUTSIDE_DIVISION, villageCode);
        }
        Division village = divisions.findById(villageCode);
        if (village == null || village.level != DivisionFiles.Level.VILLAGE) {
            throw ApiException.of(RegistryCodes.VILLAGE_NOT_FOUND, villageCode);
        }
        Division township = village.parentCode == null ? null : divisions.findById(village.parentCode);
        Village place =
                new Village(village.code, village.name, village.parentCode, township == null ? null : township.name);
        FieldBundleRepository.Stamp stamp = bundles.stamp(villageCode, page, size);
        String tag = tagOf(place, page, size, stamp);
        if (held.test(tag)) {
            return new Answer(tag, null);
        }
        List<FieldHousehold> households =
                bundles.page(villageCode, page, size).stream().map(this::masked).toList();
        return new Answer(tag, new Bundle(place, page, size, stamp.total(), households));
    }

    private FieldHousehold masked(FieldBundleRepository.Row row) {
        return new FieldHousehold(
                row.id(),
                row.version(),
                PersonNames.mask(row.headName()),
                ResidentId.mask(cipher.decrypt(row.headIdEnc())),
                row.members(),
                row.mainBusiness(),
                row.factsAsOf());
    }

    /** A digest of everything the page shows: the village's names, the page, the total and each file's id and version. */
    static String tagOf(Village village, int page, int size, FieldBundleRepository.Stamp stamp) {
        String content = String.join(
                "\n",
                FORMAT,
                village.code(),
                village.name(),
                String.valueOf(village.townshipCode()),
                String.valueOf(village.townshipName()),
                page + "/" + size,
                String.valueOf(stamp.total()),
                stamp.pageDigest());
        return Sha256.shortHex(content);
    }
}
