package org.ruralcredit.commons.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * Reads the common query and header parameter types itself so that a value that cannot be read
 * (a date {@code notadate}, a number {@code abc}) answers 400 naming the parameter, not the 404
 * that JAX-RS gives a query parameter it cannot convert. A path that cannot be read still names
 * no resource (404).
 */
@Provider
public class UnreadableParameters implements ParamConverterProvider {

    private static final int SHOWN = 40;

    private static final Map<Class<?>, Function<String, ?>> READERS = Map.of(
            LocalDate.class, LocalDate::parse,
            Instant.class, Instant::parse,
            UUID.class, UUID::fromString,
            Integer.class, Integer::valueOf,
            int.class, Integer::valueOf,
            Long.class, Long::valueOf,
            long.class, Long::valueOf,
            BigDecimal.class, BigDecimal::new);

    /** A parameter that could not be read: its name and the value as typed. */
    public static final class Unreadable extends BadRequestException {
        private final transient Problem problem;

        Unreadable(String parameter, String value) {
            super((String) null);
            String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
            this.problem =
                    Problem.validation(List.of(Problem.FieldError.of(parameter, CommonCodes.PARAM_UNREADABLE, shown)));
        }

        public Problem problem() {
            return problem;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        Function<String, ?> reader = READERS.get(rawType);
        if (reader == null && rawType.isEnum()) {
            reader = value -> Enum.valueOf((Class) rawType, value);
        }
        if (reader == null) {
            return null;
        }
        Function<String, ?> read = reader;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) read.apply(value);
                } catch (RuntimeException e) {
                    throw new Unreadable(name, value);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
