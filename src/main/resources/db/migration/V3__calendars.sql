-- Baton business calendars: weekly opening hours in a time zone, public holidays of one region (jollyday),
-- custom closed days, or 24×7. Service levels are measured on them (the SLA module references calendars.id).
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

create table calendars (
    id                  uuid primary key,
    name                varchar(120) not null,
    -- lower(name): names are unique ignoring case
    name_key            varchar(120) not null,
    time_zone           varchar(64)  not null,
    twenty_four_seven   boolean      not null default false,
    holiday_country     varchar(10),
    holiday_subdivision varchar(20),
    created_at          timestamp with time zone not null,
    version             bigint       not null default 0,
    constraint calendars_name_uk unique (name_key),
    constraint calendars_subdivision_ck check (holiday_subdivision is null or holiday_country is not null),
    constraint calendars_always_open_ck check (not twenty_four_seven or holiday_country is null)
);

-- weekly opening intervals in local time; ends_at <= starts_at is an overnight shift (or one until midnight)
-- that ends on the next day; a shift belongs to the day it starts on
create table calendar_intervals (
    calendar_id uuid     not null references calendars (id) on delete cascade,
    day_of_week smallint not null,
    starts_at   time     not null,
    ends_at     time     not null,
    primary key (calendar_id, day_of_week, starts_at),
    constraint calendar_intervals_day_ck check (day_of_week between 1 and 7),
    constraint calendar_intervals_not_empty_ck check (starts_at <> ends_at)
);

create table calendar_closed_days (
    calendar_id uuid         not null references calendars (id) on delete cascade,
    closed_on   date         not null,
    name        varchar(200) not null,
    primary key (calendar_id, closed_on)
);

-- the built-in calendar every installation has (CalendarId.TWENTY_FOUR_SEVEN); it cannot be deleted
insert into calendars (id, name, name_key, time_zone, twenty_four_seven, created_at, version)
values ('00000000-0000-0000-0000-000000000247', '24×7', '24×7', 'UTC', true, current_timestamp, 0);
