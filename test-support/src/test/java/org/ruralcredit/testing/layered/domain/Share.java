package org.ruralcredit.testing.layered.domain;

import jakarta.validation.constraints.PositiveOrZero;

/** Fixture: a plain rule, with a constraint annotation (allowed). */
public record Share(@PositiveOrZero long part, long whole) {}
