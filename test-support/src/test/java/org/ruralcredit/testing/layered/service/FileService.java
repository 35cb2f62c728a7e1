package org.ruralcredit.testing.layered.service;

import jakarta.transaction.Transactional;

import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.testing.layered.domain.Share;
import org.ruralcredit.testing.layered.repository.FileRepository;

/** Fixture: the service holds the transaction and the scope check. */
public class FileService {

    private final FileRepository files;

    public FileService(FileRepository files) {
        this.files = files;
    }

    @Transactional
    public long count(DivisionScope scope, String division) {
        if (!scope.covers(division)) {
            throw new SecurityException("not yours");
        }
        return new Share(files.count(), 1).whole();
    }
}
