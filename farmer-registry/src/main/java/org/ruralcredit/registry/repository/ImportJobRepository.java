package org.ruralcredit.registry.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.registry.domain.ImportJob;
import org.ruralcredit.registry.domain.TemplateReader;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    private static final TypeReference<Map<String, Object>> ARGS = new TypeReference<>() {};

    private final ObjectMapper json;

    public ImportJobRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Appends a chunk's row errors, numbered after those already stored. */
    public void appendErrors(UUID jobId, long firstSeq, List<TemplateReader.RowError> errors) {
        var em = getEntityManager();
        long seq = firstSeq;
        for (TemplateReader.RowError error : errors) {
            em.createNativeQuery("INSERT INTO import_error (job_id, seq, line, field, reason, code, args)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))")
                    .setParameter(1, jobId)
                    .setParameter(2, seq++)
                    .setParameter(3, error.line())
                    .setParameter(4, truncate(error.column(), 100))
                    .setParameter(5, truncate(error.reason(), 500))
                    .setParameter(6, error.code())
                    .setParameter(7, argsJson(error.args()))
                    .executeUpdate();
        }
    }

    /** The job's errors in file order, a page at a time, so a report of any size streams. */
    @SuppressWarnings("unchecked")
    public void forEachError(UUID jobId, Consumer<TemplateReader.RowError> sink) {
        long after = -1;
        while (true) {
            List<Object[]> page = getEntityManager()
                    .createNativeQuery(
                            "SELECT seq, line, field, reason, code, CAST(args AS text) FROM import_error WHERE job_id = ?1 AND seq > ?2 ORDER BY seq LIMIT 1000")
                    .setParameter(1, jobId)
                    .setParameter(2, after)
                    .getResultList();
            for (Object[] row : page) {
                after = ((Number) row[0]).longValue();
                sink.accept(new TemplateReader.RowError(
                        ((Number) row[1]).longValue(),
                        (String) row[2],
                        (String) row[4],
                        argsOf((String) row[5]),
                        (String) row[3]));
            }
            if (page.size() < 1000) {
                return;
            }
        }
    }

    public long errorCount(UUID jobId) {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM import_error WHERE job_id = ?1")
                        .setParameter(1, jobId)
                        .getSingleResult())
                .longValue();
    }

    private String argsJson(Map<String, Object> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a row error's values cannot be written as JSON", e);
        }
    }

    /** The values as stored; rows written before they were kept have none. */
    private Map<String, Object> argsOf(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, ARGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored row error's values are not JSON", e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
