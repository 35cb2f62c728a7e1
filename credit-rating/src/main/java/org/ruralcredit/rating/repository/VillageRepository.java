package org.ruralcredit.rating.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.rating.domain.Village;

@ApplicationScoped
public class VillageRepository implements PanacheRepositoryBase<Village, String> {

    public List<Village> inTownship(String townshipCode) {
        return list("townshipCode = ?1 order by code", townshipCode);
    }
}
