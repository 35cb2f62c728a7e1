package org.ruralcredit.testing.leaky.repository;

/** Fixture: a repository a resource reaches past its service. */
public class FileRepository {

    public long count() {
        return 0;
    }
}
