package org.ruralcredit.testing.layered.rest;

import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.testing.layered.service.FileService;

/** Fixture: the resource only calls the service. */
public class FileResource {

    private final FileService files;

    public FileResource(FileService files) {
        this.files = files;
    }

    public long count(String division) {
        return files.count(DivisionScope.NOWHERE, division);
    }
}
