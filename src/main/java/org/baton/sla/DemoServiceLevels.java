package org.baton.sla;

import java.util.ArrayList;
import java.util.List;
import org.baton.calendar.BusinessCalendars;
import org.baton.calendar.CalendarId;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.SupportGroup;
import org.baton.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo desk's service levels, loaded once into an empty demo database before the demo tickets: a default SLA
 * for every client (24×7), a tighter contract for Northwind Logistics on Berlin office hours, and OLAs for Field
 * Services and Network Operations.
 */
@Component
@Order(25)
class DemoServiceLevels implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoServiceLevels.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final PolicyAdministration administration;
    private final BusinessCalendars calendars;

    DemoServiceLevels(DemoMode demo, JdbcClient jdbc, Directory directory, PolicyAdministration administration,
            BusinessCalendars calendars) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.directory = directory;
        this.administration = administration;
        this.calendars = calendars;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || jdbc.sql("select count(*) from sla_policies").query(Long.class).single() > 0
                || jdbc.sql("select count(*) from tickets").query(Long.class).single() > 0) {
            return;
        }
        String calendar = CalendarId.TWENTY_FOUR_SEVEN.toString();
        administration.create(new PolicyAdministration.PolicyInput("SLA", "Standard service", null, true, null, calendar, null, null,
                sla(new String[][] {
                    {"INCIDENT", "P1", "PT15M", "PT30M", "PT4H"},
                    {"INCIDENT", "P2", "PT30M", "PT1H", "PT8H"},
                    {"INCIDENT", "P3", "PT4H", "PT8H", "PT24H"},
                    {"INCIDENT", "P4", "PT8H", "PT24H", "PT120H"},
                    {"SERVICE_REQUEST", "P1", "PT1H", "PT2H", "PT8H"},
                    {"SERVICE_REQUEST", "P2", "PT2H", "PT4H", "PT24H"},
                    {"SERVICE_REQUEST", "P3", "PT4H", "PT24H", "PT72H"},
                    {"SERVICE_REQUEST", "P4", "PT8H", "PT48H", "PT120H"}})));
        // Northwind's contract runs on office hours in Berlin (with Bavarian holidays) when the demo calendars are there
        String office = calendars.names().entrySet().stream().filter(e -> e.getValue().equals("Office hours (Berlin)"))
                .map(e -> e.getKey().toString()).findFirst().orElse(calendar);
        directory.organizations().stream().filter(o -> o.name().equals("Northwind Logistics")).map(Organization::id).findFirst()
                .ifPresent(northwind -> administration.create(new PolicyAdministration.PolicyInput("SLA", "Northwind Logistics contract",
                        northwind.toString(), false, null, office, List.of(75, 90), List.of("CUSTOMER", "THIRD_PARTY"), sla(new String[][] {
                            {"INCIDENT", "P1", "PT10M", "PT30M", "PT2H"},
                            {"INCIDENT", "P2", "PT20M", "PT1H", "PT6H"},
                            {"INCIDENT", "P3", "PT2H", "PT4H", "PT16H"},
                            {"INCIDENT", "P4", "PT4H", "PT24H", "PT72H"},
                            {"SERVICE_REQUEST", "P2", "PT1H", "PT4H", "PT16H"},
                            {"SERVICE_REQUEST", "P3", "PT2H", "PT8H", "PT48H"}}))));
        for (SupportGroup group : directory.supportGroups()) {
            if (group.name().equals("Field Services") || group.name().equals("Network Operations")) {
                administration.create(new PolicyAdministration.PolicyInput("OLA", group.name() + " OLA", null, null,
                        group.id().toString(), calendar, null, null, ola()));
            }
        }
        log.info("Demo service levels loaded: a default SLA, the Northwind contract and two OLAs");
    }

    private static List<PolicyAdministration.TargetInput> sla(String[][] rows) {
        List<PolicyAdministration.TargetInput> targets = new ArrayList<>();
        for (String[] r : rows) {
            targets.add(new PolicyAdministration.TargetInput(r[0], r[1], "FIRST_RESPONSE", r[2], null));
            targets.add(new PolicyAdministration.TargetInput(r[0], r[1], "NEXT_UPDATE", r[3], null));
            targets.add(new PolicyAdministration.TargetInput(r[0], r[1], "RESOLUTION", r[4], null));
        }
        return targets;
    }

    private static List<PolicyAdministration.TargetInput> ola() {
        String[][] rows = {{"P1", "PT15M", "PT4H"}, {"P2", "PT30M", "PT8H"}, {"P3", "PT2H", "PT48H"}, {"P4", "PT4H", "PT120H"}};
        List<PolicyAdministration.TargetInput> targets = new ArrayList<>();
        for (String[] r : rows) {
            targets.add(new PolicyAdministration.TargetInput(null, r[0], "ACCEPT", r[1], null));
            targets.add(new PolicyAdministration.TargetInput(null, r[0], "COMPLETE", r[2], null));
        }
        return targets;
    }
}
