package org.baton.calendar;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendars table with its weekly intervals and closed days. */
@Repository
class Calendars {

    private static final String COLUMNS =
            "id, name, time_zone, twenty_four_seven, holiday_country, holiday_subdivision, created_at, version";

    /** A calendar row before its intervals and closed days are attached. */
    private record Row(CalendarId id, String name, ZoneId zone, boolean twentyFourSeven, @Nullable HolidayRegion region,
            java.time.Instant createdAt, long version) {}

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BusinessCalendar> byId(CalendarId id) {
        return complete(jdbc.sql("select " + COLUMNS + " from calendars where id = :id").param("id", id.value()).query(Calendars::row).list())
                .stream()
                .findFirst();
    }

    /** Calendars ordered by name after {@code afterName}; {@code search} matches part of the name, ignoring case. */
    List<BusinessCalendar> page(@Nullable String search, @Nullable String afterName, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from calendars where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            sql.append(" and name_key like :search");
            params.put("search", "%" + search.strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (afterName != null) {
            sql.append(" and name > :after");
            params.put("after", afterName);
        }
        sql.append(" order by name fetch first :limit rows only");
        params.put("limit", limit);
        return complete(jdbc.sql(sql.toString()).params(params).query(Calendars::row).list());
    }

    long count() {
        return jdbc.sql("select count(*) from calendars").query(Long.class).single();
    }

    boolean nameTaken(String name, @Nullable CalendarId except) {
        return jdbc.sql("select count(*) from calendars where name_key = :key and id <> :except")
                        .param("key", name.toLowerCase(Locale.ROOT))
                        .param("except", except == null ? new UUID(0, 0) : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(BusinessCalendar calendar) {
        CalendarDefinition d = calendar.definition();
        HolidayRegion region = d.holidays();
        jdbc.sql("insert into calendars (id, name, name_key, time_zone, twenty_four_seven, holiday_country, holiday_subdivision, "
                        + "created_at, version) values (:id, :name, :key, :zone, :always, :country, :subdivision, :createdAt, 0)")
                .param("id", calendar.id().value())
                .param("name", d.name())
                .param("key", d.name().toLowerCase(Locale.ROOT))
                .param("zone", d.zone().getId())
                .param("always", d.twentyFourSeven())
                .param("country", region == null ? null : region.country())
                .param("subdivision", region == null ? null : region.subdivision())
                .param("createdAt", timestamp(calendar.createdAt()))
                .update();
        replaceDetails(calendar.id(), d);
    }

    /** Saves {@code definition} if the calendar is still at {@code expectedVersion}; otherwise nothing changes. */
    void update(CalendarId id, CalendarDefinition d, long expectedVersion) {
        HolidayRegion region = d.holidays();
        int updated = jdbc.sql("update calendars set name = :name, name_key = :key, time_zone = :zone, twenty_four_seven = :always, "
                        + "holiday_country = :country, holiday_subdivision = :subdivision, version = version + 1 "
                        + "where id = :id and version = :version")
                .param("id", id.value())
                .param("name", d.name())
                .param("key", d.name().toLowerCase(Locale.ROOT))
                .param("zone", d.zone().getId())
                .param("always", d.twentyFourSeven())
                .param("country", region == null ? null : region.country())
                .param("subdivision", region == null ? null : region.subdivision())
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersion("calendar", byId(id).map(BusinessCalendar::version).orElse(-1L));
        }
        replaceDetails(id, d);
    }

    /** Deletes the calendar if it is still at {@code expectedVersion} (any version when null). */
    void delete(CalendarId id, @Nullable Long expectedVersion) {
        int deleted = jdbc.sql("delete from calendars where id = :id" + (expectedVersion == null ? "" : " and version = :version"))
                .param("id", id.value())
                .params(expectedVersion == null ? Map.of() : Map.of("version", expectedVersion))
                .update();
        if (deleted == 0) {
            throw new StaleVersion("calendar", byId(id).map(BusinessCalendar::version).orElse(-1L));
        }
    }

    private void replaceDetails(CalendarId id, CalendarDefinition d) {
        jdbc.sql("delete from calendar_intervals where calendar_id = :id").param("id", id.value()).update();
        jdbc.sql("delete from calendar_closed_days where calendar_id = :id").param("id", id.value()).update();
        d.week().forEach((day, intervals) -> intervals.forEach(interval -> jdbc.sql(
                        "insert into calendar_intervals (calendar_id, day_of_week, starts_at, ends_at) values (:id, :day, :starts, :ends)")
                .param("id", id.value())
                .param("day", day.getValue())
                .param("starts", interval.start())
                .param("ends", interval.end())
                .update()));
        for (ClosedDay day : d.closedDays()) {
            jdbc.sql("insert into calendar_closed_days (calendar_id, closed_on, name) values (:id, :date, :name)")
                    .param("id", id.value())
                    .param("date", day.date())
                    .param("name", day.name())
                    .update();
        }
    }

    private List<BusinessCalendar> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.id().value()).toList();
        Map<UUID, Map<DayOfWeek, List<OpeningInterval>>> weeks = new HashMap<>();
        jdbc.sql("select calendar_id, day_of_week, starts_at, ends_at from calendar_intervals where calendar_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    weeks.computeIfAbsent(requiredUuid(rs, "calendar_id"), k -> new EnumMap<>(DayOfWeek.class))
                            .computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), k -> new ArrayList<>())
                            .add(new OpeningInterval(rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class)));
                });
        Map<UUID, List<ClosedDay>> closed = new HashMap<>();
        jdbc.sql("select calendar_id, closed_on, name from calendar_closed_days where calendar_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    closed.computeIfAbsent(requiredUuid(rs, "calendar_id"), k -> new ArrayList<>())
                            .add(new ClosedDay(rs.getObject("closed_on", LocalDate.class), rs.getString("name")));
                });
        return rows.stream()
                .map(r -> new BusinessCalendar(r.id(), new CalendarDefinition(r.name(), r.zone(), r.twentyFourSeven(),
                        weeks.getOrDefault(r.id().value(), Map.of()), r.region(), closed.getOrDefault(r.id().value(), List.of())),
                        r.createdAt(), r.version()))
                .toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String country = rs.getString("holiday_country");
        return new Row(new CalendarId(requiredUuid(rs, "id")), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("twenty_four_seven"), country == null ? null : new HolidayRegion(country, rs.getString("holiday_subdivision")),
                requiredInstant(rs, "created_at"), rs.getLong("version"));
    }
}
