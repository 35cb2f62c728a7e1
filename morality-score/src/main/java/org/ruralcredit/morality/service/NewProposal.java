package org.ruralcredit.morality.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.morality.domain.EntryKind;

/**
 * A proposed ledger entry: a deed under {@code ruleCode}, a veto under {@code vetoCode}, or the
 * reversal of the approved entry {@code reversesEntryId}. {@code kind} defaults to DEED.
 */
public record NewProposal(
        @NotBlank @Size(max = 64) String householdId,
        EntryKind kind,
        @Size(max = 20) String ruleCode,
        @Size(max = 20) String vetoCode,
        UUID reversesEntryId,
        @NotNull LocalDate deedDate,
        @NotBlank @Size(max = 500) @PlainText String description,
        @Size(max = 500) @PlainText String evidenceNote,

        @Pattern(regexp = "[0-9a-f]{64}", message = "{evidence.hash-format}")
        String evidenceHash) {

    public EntryKind kindOrDeed() {
        return kind == null ? EntryKind.DEED : kind;
    }
}
