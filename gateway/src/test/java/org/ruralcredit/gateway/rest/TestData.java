package org.ruralcredit.gateway.rest;

import java.util.concurrent.ThreadLocalRandom;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;

/** Fresh valid identifiers per test, so reruns against the same database never collide. */
final class TestData {

    private TestData() {}

    static String residentId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format(
                "330281%04d%02d%02d%03d", 1950 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
        return first17 + ResidentId.checkCharacter(first17);
    }

    static String creditCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first17 = String.format("92330281MA%07d", r.nextInt(10_000_000));
        return first17 + Uscc.checkCharacter(first17);
    }

    static String letterHash() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            s.append("0123456789abcdef".charAt(ThreadLocalRandom.current().nextInt(16)));
        }
        return s.toString();
    }

    static String loanRef() {
        return "T-" + Long.toString(System.nanoTime(), 36) + "-"
                + ThreadLocalRandom.current().nextInt(1000);
    }
}
