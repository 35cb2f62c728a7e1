package org.ruralcredit.rating.domain.division;

/** The division levels rated in 三信评定 above the household. */
public enum DivisionLevel {
    VILLAGE("信用村"),
    TOWNSHIP("信用乡镇"),
    COUNTY("信用县");

    private final String title;

    DivisionLevel(String title) {
        this.title = title;
    }

    /** The title a division earns when it passes, e.g. 信用村. */
    public String title() {
        return title;
    }
}
