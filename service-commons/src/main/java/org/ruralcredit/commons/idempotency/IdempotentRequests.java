package org.ruralcredit.commons.idempotency;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes a resource's {@link IdempotentRequest} from the header and the request as read. The body's
 * fingerprint is taken from the request record serialised back to JSON: the body as the service
 * understood it, so key order and spacing do not count, every value does.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final ObjectMapper mapper;

    public IdempotentRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * None when the header is absent (the request is handled as before); 400
     * {@code request.idempotency-key-invalid} when it is malformed.
     */
    public Optional<IdempotentRequest> of(
            String header, String caller, String operation, List<String> pathParameters, Object body) {
        return IdempotencyKey.fromHeader(header)
                .map(key -> new IdempotentRequest(
                        key,
                        caller,
                        operation,
                        RequestFingerprint.of(operation, pathParameters, mapper.valueToTree(body))));
    }
}
