package org.ruralcredit.gateway.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.gateway.domain.QueryRegisterEntry;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class QueryRegisterRepository implements PanacheRepositoryBase<QueryRegisterEntry, Long> {

    public List<QueryRegisterEntry> newestFirst(int page, int size) {
        return find("order by seq desc").page(Page.of(page, size)).list();
    }
}
