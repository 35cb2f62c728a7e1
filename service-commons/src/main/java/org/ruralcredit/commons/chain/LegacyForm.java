package org.ruralcredit.commons.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.ruralcredit.commons.crypto.Sha256;

/**
 * The two forms entries were hashed with before {@link CanonicalForm} (chain version 1), kept only
 * so that those entries still verify; nothing new is written with them. Frozen: changing a byte
 * here breaks every version-1 entry.
 *
 * <p>Both hash {@code SHA-256(UTF-8(prev_hash_hex) ‖ "\n" ‖ UTF-8(canonical))}, with the fields
 * already turned to text by their service; they differ in the canonical text:
 * <ul>
 *   <li>{@link #LEDGER} (the moral-bank ledger): each field as {@code <UTF-8 byte length>:<text>},
 *       null as {@code -1:}, each followed by {@code \n};
 *   <li>{@link #REGISTER} (the query register): each field as {@code <UTF-16 length>:<text>}, null
 *       as {@code -:}, joined with {@code |}; instants as {@link java.time.Instant#toString()}
 *       (trailing zeros of the fraction dropped).
 * </ul>
 */
public enum LegacyForm {
    LEDGER {
        @Override
        public String canonical(List<String> fields) {
            StringBuilder out = new StringBuilder();
            for (String field : fields) {
                if (field == null) {
                    out.append("-1:");
                } else {
                    out.append(field.getBytes(StandardCharsets.UTF_8).length)
                            .append(':')
                            .append(field);
                }
                out.append('\n');
            }
            return out.toString();
        }
    },

    REGISTER {
        @Override
        public String canonical(List<String> fields) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                String field = fields.get(i);
                if (i > 0) {
                    out.append('|');
                }
                out.append(field == null ? "-:" : field.length() + ":" + field);
            }
            return out.toString();
        }
    };

    public static final int VERSION = 1;

    /** The entry's canonical text in this form; the fields in the entry's fixed order, already as text. */
    public abstract String canonical(List<String> fields);

    public String hash(String prevHash, List<String> fields) {
        MessageDigest sha = Sha256.digest();
        sha.update((prevHash + "\n" + canonical(fields)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
