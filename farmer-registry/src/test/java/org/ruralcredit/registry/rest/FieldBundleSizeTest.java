package org.ruralcredit.registry.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.PersonNames;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.persistence.TimeOrderedIds;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A village of 1,000 households crosses a weak signal in at most 150 KB gzip-compressed. */
class FieldBundleSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高"};
    private static final String[] GIVEN = {"建国", "秀英", "伟", "芳", "明", "丽", "国强", "桂英", "志强", "海燕", "军", "敏"};
    private static final String[] BUSINESS = {"PLANTING", "BREEDING", "PROCESSING", "TRADE", "SERVICES", "MIGRANT_WORK"
    };

    @Test
    void aThousandHouseholdsFitTheBudget() throws IOException {
        Random random = new Random(42);
        List<FieldBundleResource.HouseholdView> households = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String first17 = "330281" + (19500101 + random.nextInt(500) * 100 + random.nextInt(28))
                    + String.format("%03d", random.nextInt(1000));
            households.add(new FieldBundleResource.HouseholdView(
                    TimeOrderedIds.next(),
                    1 + random.nextInt(5),
                    PersonNames.mask(FAMILY[random.nextInt(FAMILY.length)] + GIVEN[random.nextInt(GIVEN.length)]),
                    ResidentId.mask(first17 + ResidentId.checkCharacter(first17)),
                    1 + random.nextInt(6),
                    BUSINESS[random.nextInt(BUSINESS.length)],
                    LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365))));
        }
        FieldBundleResource.BundleView bundle = new FieldBundleResource.BundleView(
                new FieldBundleResource.VillageView("330281100202", "临山村委会", "330281100", "临山镇"),
                0,
                1000,
                1000,
                households);
        byte[] body = JSON.writeValueAsBytes(bundle);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(body);
        }
        int kb = compressed.size() / 1024;
        assertTrue(kb <= 150, "1,000 households: " + body.length / 1024 + " KB, " + kb + " KB gzip");
    }
}
