package org.ruralcredit.registry.demo;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.ruralcredit.importfile.DemoVillageStatistics;
import org.ruralcredit.registry.service.VillageProfileService;

/**
 * The demo villages' profiles (local stack only): at start, every village of the townships the demo
 * households are loaded for that has no profile gets one with {@link DemoVillageStatistics}'s
 * figures, the same totals the demo household generator fills villages up to. So each demo village has a total of
 * households (总户数) at least its demo files, and its coverage a figure of at most 100 %. A profile
 * an official wrote is never changed. Runs after the division codes are loaded.
 */
@ApplicationScoped
public class DemoVillageProfiles {

    /** Who the demo profiles are written by, in their history. */
    public static final String AUTHOR = "demo-data";

    private static final Logger LOG = Logger.getLogger(DemoVillageProfiles.class);

    private final VillageProfileService profiles;
    private final boolean enabled;
    private final List<String> townships;

    public DemoVillageProfiles(
            VillageProfileService profiles,
            @ConfigProperty(name = "ruralcredit.demo.village-profiles.enabled") boolean enabled,
            @ConfigProperty(name = "ruralcredit.demo.village-profiles.townships") List<String> townships) {
        this.profiles = profiles;
        this.enabled = enabled;
        this.townships = List.copyOf(townships);
    }

    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 100) StartupEvent event) {
        if (!enabled) {
            return;
        }
        int created = create();
        if (created > 0) {
            LOG.infof("demo data: %d village profiles for townships %s", created, townships);
        }
    }

    /** Creates the missing profiles; how many. */
    public int create() {
        return profiles.createMissing(townships, DemoVillageProfiles::figuresOf, AUTHOR);
    }

    /** A demo village's profile: {@link DemoVillageStatistics}'s figures. */
    public static VillageProfileService.ProfileChange figuresOf(String villageCode) {
        DemoVillageStatistics figures = DemoVillageStatistics.of(villageCode);
        return new VillageProfileService.ProfileChange(
                figures.totalHouseholds(), figures.population(), figures.figuresAsOf(), null, "演示数据：村级统计", null);
    }
}
