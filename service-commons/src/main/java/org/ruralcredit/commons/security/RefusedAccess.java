package org.ruralcredit.commons.security;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.identity.PhoneNumber;

/**
 * The log of refused access: every request a service refuses for who the caller is — a role the
 * realm does not allow on the path, or an object outside the caller's division or institution —
 * leaves exactly one line in the category {@value #CATEGORY}, for example
 *
 * <pre>
 * refused check=object status=403 user=official-mazhu roles=township-official division=330281106
 *     method=GET path=/api/v1/households/6f1c… object=- reason="This household is outside your division."
 * </pre>
 *
 * It names the account, its platform roles and division claim, the method, the path and the
 * object, and the reason, never a person's resident ID or phone number: digit runs shaped like
 * one are masked wherever a caller could have typed them (the path).
 */
@ApplicationScoped
public class RefusedAccess {

    public static final String CATEGORY = "org.ruralcredit.security.refused";

    /** Which rule refused: the realm's role permission on the path, or the service's own object check. */
    public enum Check {
        ROLE,
        OBJECT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern RESIDENT_ID =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    /**
     * A mobile number (11 digits from 1) or a fixed line (0, then 9 to 11 digits), as {@code PhoneNumber}
     * accepts them. A UUID is matched whole first and kept: its last group can be twelve digits from 0,
     * which would otherwise read as a fixed line and hide the object the line is about.
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<uuid>(?<![0-9A-Za-z-])\\p{XDigit}{8}(?:-\\p{XDigit}{4}){3}-\\p{XDigit}{12}(?![0-9A-Za-z-]))"
                    + "|(?<![0-9A-Za-z])(?:1\\d{10}|0\\d{9,11})(?![0-9A-Za-z])");

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\"\\\\]");

    private final CurrentVertxRequest request;

    public RefusedAccess(CurrentVertxRequest request) {
        this.request = request;
    }

    /**
     * A refusal decided in service code during the current request. {@code object} names what
     * was refused when the path does not (e.g. a household found by a search), or is null.
     */
    public void object(int status, String object, String reason) {
        log(request.getCurrent(), Check.OBJECT, status, object, reason);
    }

    /** A role-level refusal raised inside the current request (a security annotation, not the realm's enforcer). */
    public void role(String reason) {
        log(request.getCurrent(), Check.ROLE, 403, null, reason);
    }

    /** Logs one refused request; {@code ctx} may lack a user (the line then says {@code user=-}). */
    public static void log(RoutingContext ctx, Check check, int status, String object, String reason) {
        SecurityIdentity identity =
                ctx != null && ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        String method = ctx == null ? "-" : ctx.request().method().name();
        String path = ctx == null ? "-" : ctx.normalizedPath();
        LOG.warn(String.format(
                "refused check=%s status=%d user=%s roles=%s division=%s method=%s path=%s object=%s reason=\"%s\"",
                check.label(),
                status,
                token(username(identity)),
                roles(identity),
                token(claim(identity, "division")),
                method,
                token(masked(path)),
                token(masked(object)),
                UNSAFE.matcher(masked(reason == null ? "-" : reason)).replaceAll("_")));
    }

    private static String username(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String preferred = claim(identity, "preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }

    private static String roles(SecurityIdentity identity) {
        if (identity == null) {
            return "-";
        }
        Set<String> platform = new TreeSet<>();
        for (String role : identity.getRoles()) {
            if (Role.ALL.contains(role) || Role.INTERNAL_READER.equals(role)) {
                platform.add(role);
            }
        }
        return platform.isEmpty() ? "-" : String.join(",", platform);
    }

    /** Resident IDs and phone numbers typed into a path keep only what a masked response shows. */
    static String masked(String text) {
        if (text == null) {
            return null;
        }
        String ids = RESIDENT_ID.matcher(text).replaceAll("$1********$2");
        return PHONE.matcher(ids)
                .replaceAll(m ->
                        Matcher.quoteReplacement(m.group("uuid") != null ? m.group() : PhoneNumber.mask(m.group())));
    }

    /** One space-free, quote-free token, so the line splits into its fields unambiguously. */
    private static String token(String value) {
        return value == null || value.isEmpty() ? "-" : value.replaceAll("[\\s\\p{Cntrl}\"\\\\]", "_");
    }
}
