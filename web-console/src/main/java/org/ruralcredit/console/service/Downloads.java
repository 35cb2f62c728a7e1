package org.ruralcredit.console.service;

import jakarta.ws.rs.core.Response;

/** An API's file passed on to the browser as a download, or the refusal's status with nothing in it. */
public final class Downloads {

    private Downloads() {}

    public static Response of(ApiAnswer answer, String fileName) {
        if (!answer.ok()) {
            return Response.status(answer.pageStatus()).build();
        }
        return Response.ok(answer.raw(), answer.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
