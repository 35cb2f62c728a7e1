package org.ruralcredit.console.view;

/** Long hashes as a table shows them: the first characters, enough to compare two by eye. Pure. */
public final class Hashes {

    private Hashes() {}

    /** 64 hex characters → the first 10 and an ellipsis; anything shorter than 16 unchanged. */
    public static String shortened(String hash) {
        if (hash == null) {
            return "";
        }
        return hash.length() < 16 ? hash : hash.substring(0, 10) + "…";
    }
}
