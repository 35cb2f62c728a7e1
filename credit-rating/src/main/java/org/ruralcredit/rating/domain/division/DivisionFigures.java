package org.ruralcredit.rating.domain.division;

/** The measured aggregates of one division, able to produce each measure its level carries. */
public sealed interface DivisionFigures permits VillageFigures, TownshipFigures, CountyFigures, StatedFigures {

    String divisionCode();

    DivisionLevel level();

    Measurement measure(Measure measure);
}
