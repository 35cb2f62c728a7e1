package org.ruralcredit.morality.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.morality.domain.MoralStandard;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MoralStandardRepository implements PanacheRepositoryBase<MoralStandard, String> {

    public List<MoralStandard> inOrder() {
        return list("order by sortOrder");
    }
}
