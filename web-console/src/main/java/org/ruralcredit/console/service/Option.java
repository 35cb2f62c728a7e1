package org.ruralcredit.console.service;

import io.quarkus.qute.TemplateData;

/** One choice of a select input. */
@TemplateData
public record Option(String value, String label) {}
