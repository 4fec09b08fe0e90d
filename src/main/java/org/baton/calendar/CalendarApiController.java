package org.baton.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.baton.api.BadParameter;
import org.baton.api.CursorPage;
import org.baton.api.IfMatch;
import org.baton.api.PageQuery;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Business calendars over the API. Staff read them and preview due instants; only administrators create,
 * change or delete them; customers are refused (403). Request bodies are read without a {@code consumes}
 * condition so that a wrong content type is answered by the API's problem handler (415).
 */
@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Calendars", description = "Business hours, time zones and holidays that service levels are measured on.")
class CalendarApiController {

    private static final String PROBLEM = "application/problem+json";
    private static final String EXAMPLE = "{\"name\": \"Office hours (Berlin)\", \"timeZone\": \"Europe/Berlin\", \"twentyFourSeven\": false, "
            + "\"holidayCountry\": \"DE\", \"holidaySubdivision\": \"by\", \"weeklyHours\": {"
            + "\"MONDAY\": [{\"start\": \"08:00\", \"end\": \"12:00\"}, {\"start\": \"13:00\", \"end\": \"17:00\"}], "
            + "\"FRIDAY\": [{\"start\": \"08:00\", \"end\": \"14:00\"}]}, "
            + "\"closedDays\": [{\"date\": \"2026-12-24\", \"name\": \"Christmas Eve\"}]}";

    private final Calendars calendars;
    private final CalendarAdministration administration;
    private final JdbcBusinessCalendars businessCalendars;
    private final JsonMapper json;
    private final Clock clock;

    CalendarApiController(Calendars calendars, CalendarAdministration administration, JdbcBusinessCalendars businessCalendars,
            JsonMapper json, Clock clock) {
        this.calendars = calendars;
        this.administration = administration;
        this.businessCalendars = businessCalendars;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List the business calendars", description = "Staff only. Ordered by name; the built-in 24×7 calendar is among them.")
    @ApiResponse(responseCode = "200", description = "One page of calendars; follow nextCursor or the Link header for more.")
    @ApiResponse(responseCode = "400", description = "A bad limit or cursor.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Customers do not see calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CursorPage<CalendarResource>> list(CurrentUser user,
            @Parameter(description = "Part of the name, ignoring case.") @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "Items per page, 1 to 200.", example = "50") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "The nextCursor of the previous page.") @RequestParam(required = false) @Nullable String cursor) {
        CalendarAccess.requireStaff(user);
        PageQuery page = PageQuery.of(limit, cursor);
        return CursorPage.fromLookahead(calendars.page(q, page.after(), page.fetchSize()), page, BusinessCalendar::name, CalendarResource::of)
                .toResponse();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one calendar", description = "The ETag header carries the version, for If-Match on PATCH and DELETE.")
    @ApiResponse(responseCode = "200", description = "The calendar.", headers = @Header(name = "ETag", description = "The version, e.g. \"3\"."))
    @ApiResponse(responseCode = "403", description = "Customers do not see calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such calendar.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CalendarResource> get(CurrentUser user, @PathVariable String id) {
        CalendarAccess.requireStaff(user);
        BusinessCalendar calendar = find(id);
        return ResponseEntity.ok().eTag(String.valueOf(calendar.version())).body(CalendarResource.of(calendar));
    }

    @PostMapping
    @Operation(summary = "Create a calendar (administrators)",
            description = "Opening hours per weekday in local time; an end before the start is an overnight shift that ends the next day "
                    + "and belongs to the day it starts on. Every invalid field is reported at once, and nothing is saved.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CalendarInput.class), examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "201", description = "Created; Location names the new calendar.",
            headers = {@Header(name = "Location", description = "The new calendar's address."), @Header(name = "ETag")})
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Only administrators create calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields (unknown time zone or holiday region, overlapping or empty intervals, "
            + "no opening hours, a name already taken); errors names each, e.g. weeklyHours.MONDAY[1].",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CalendarResource> create(CurrentUser user, @RequestBody JsonNode body) {
        CalendarAccess.requireAdmin(user);
        BusinessCalendar calendar = administration.create(input(body));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(calendar.id().value()).toUri();
        return ResponseEntity.created(location).eTag(String.valueOf(calendar.version())).body(CalendarResource.of(calendar));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a calendar (administrators)",
            description = "A JSON Merge Patch (RFC 7396), sent as application/merge-patch+json or application/json: members present "
                    + "replace those fields, weeklyHours merges per weekday (null removes a day), closedDays is replaced whole. If-Match "
                    + "must carry the ETag you read; if the calendar changed since, the answer is 412 with the current version and "
                    + "nothing is changed. The built-in 24×7 calendar stays 24×7.")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, description = "The ETag you read, e.g. \"3\".")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
        @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = CalendarInput.class),
                examples = @ExampleObject(value = "{\"weeklyHours\": {\"SATURDAY\": [{\"start\": \"09:00\", \"end\": \"13:00\"}]}}")),
        @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarInput.class))
    })
    @ApiResponse(responseCode = "200", description = "The changed calendar.", headers = @Header(name = "ETag"))
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON, or If-Match is missing or not an ETag.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Only administrators change calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such calendar.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since you read it; currentVersion and ETag name the version now.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "415", description = "The body is neither application/merge-patch+json nor application/json.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields, read-only or unknown members; errors names each.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<CalendarResource> patch(CurrentUser user, @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch,
            @RequestBody JsonNode patch) {
        CalendarAccess.requireStaff(user);
        BusinessCalendar current = find(id);
        CalendarAccess.requireAdmin(user);
        Long expected = IfMatch.version(ifMatch);
        long version = expected == null ? current.version() : expected;
        if (version != current.version()) {
            throw new StaleVersion("calendar", current.version());
        }
        if (!patch.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object whose members are the fields to change");
        }
        List<FieldProblem> problems = new ArrayList<>();
        // read-only and unknown members survive the merge and are reported by name while reading it
        JsonNode merged = CalendarJson.merge(json.valueToTree(CalendarInput.of(current.definition())), patch);
        CalendarInput input = CalendarJson.read(merged, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        BusinessCalendar changed = administration.update(current.id(), version, input);
        return ResponseEntity.ok().eTag(String.valueOf(changed.version())).body(CalendarResource.of(changed));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a calendar (administrators)",
            description = "Refused with 409 for the built-in 24×7 calendar and for a calendar that service levels are measured on. "
                    + "If-Match is optional; when sent, a calendar changed since is not deleted (412).")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, description = "The ETag you read, e.g. \"3\".")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "403", description = "Only administrators delete calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such calendar.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The built-in 24×7 calendar, or a calendar in use; reason names which.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "412", description = "Changed by someone else since you read it.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String id,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
        CalendarAccess.requireStaff(user);
        BusinessCalendar current = find(id);
        CalendarAccess.requireAdmin(user);
        administration.delete(current.id(), ifMatch == null ? null : IfMatch.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/due")
    @Operation(summary = "Preview a due instant on a calendar",
            description = "When does `duration` of business time, counted from `start`, fall due? A start outside opening hours "
                    + "counts from the next opening; an amount that runs out exactly at a closing time is due at that closing instant.")
    @ApiResponse(responseCode = "200", description = "The due instant, with the business time between start and due as a check.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuePreviewResource.class),
                    examples = @ExampleObject(value = "{\"calendarId\": \"7d0c4a1e-5b7f-4c0e-9a55-2f1f3c3a9b10\", \"calendarName\": "
                            + "\"Office hours (Berlin)\", \"timeZone\": \"Europe/Berlin\", \"start\": \"2026-12-01T08:00:00Z\", "
                            + "\"duration\": \"PT8H\", \"dueAt\": \"2026-12-01T16:00:00Z\", \"dueAtLocal\": \"2026-12-01T17:00+01:00\", "
                            + "\"businessTimeBetween\": \"PT8H\", \"elapsed\": \"PT8H\", \"openAtStart\": true, \"alwaysOpen\": false, "
                            + "\"nextOpenPeriods\": [{\"start\": \"2026-12-01T08:00:00Z\", \"end\": \"2026-12-01T11:00:00Z\"}]}")))
    @ApiResponse(responseCode = "400", description = "start is not an RFC 3339 instant, or duration is missing, not ISO-8601, negative "
            + "or longer than ten years; errors names the parameter.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Customers do not see calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such calendar.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<DuePreviewResource> due(CurrentUser user, @PathVariable String id,
            @Parameter(description = "RFC 3339 instant; now when absent.", example = "2026-12-01T09:00:00Z")
                    @RequestParam(required = false) @Nullable String start,
            @Parameter(description = "ISO-8601 business time.", example = "PT8H", required = true)
                    @RequestParam(required = false) @Nullable String duration) {
        CalendarAccess.requireStaff(user);
        CalendarId calendar = CalendarAccess.id(id);
        CalendarTime time = businessCalendars.calendarTime(calendar).orElseThrow(() -> new NotFound("calendar", id));
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = start == null ? clock.instant() : DuePreview.start("start", start, problems);
        Duration amount = DuePreview.duration("duration", duration, problems);
        if (!problems.isEmpty() || from == null || amount == null) {
            throw new BadParameter(problems.getFirst().field(), problems.getFirst().message());
        }
        return ResponseEntity.ok(DuePreviewResource.of(DuePreview.of(calendar, time, from, amount)));
    }

    @PostMapping("/preview")
    @Operation(summary = "Preview a due instant on an unsaved calendar",
            description = "Checks a calendar definition before anyone relies on it: nothing is saved. The calendar is validated as on create "
                    + "(except that its name need not be unique); problems are named calendar.<field>, start and duration.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"calendar\": " + EXAMPLE + ", \"start\": \"2026-12-01T09:00:00Z\", \"duration\": \"PT8H\"}")))
    @ApiResponse(responseCode = "200", description = "The due instant.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuePreviewResource.class)))
    @ApiResponse(responseCode = "400", description = "The body is not valid JSON.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "Customers do not see calendars.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "An invalid calendar, start or duration; errors names each field.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<DuePreviewResource> preview(CurrentUser user, @RequestBody JsonNode body) {
        CalendarAccess.requireStaff(user);
        if (!body.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object with calendar, start and duration");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String member : body.propertyNames()) {
            if (!List.of("calendar", "start", "duration").contains(member)) {
                problems.add(new FieldProblem(member, "is not a field of a preview (calendar, start, duration)"));
            }
        }
        CalendarInput input = CalendarJson.read(body.get("calendar"), "calendar.", problems);
        CalendarDefinition definition = null;
        if (problems.isEmpty()) {
            try {
                definition = CalendarRules.definition(input, PublicHolidays.SHARED);
            } catch (InvalidInput invalid) {
                invalid.problems().forEach(p -> problems.add(new FieldProblem("calendar." + p.field(), p.message())));
            }
        }
        Instant start = DuePreview.start("start", textMember(body, "start", problems), problems);
        Duration duration = DuePreview.duration("duration", textMember(body, "duration", problems), problems);
        if (!problems.isEmpty() || definition == null || start == null || duration == null) {
            throw new InvalidInput(problems);
        }
        CalendarTime time = CalendarTime.of(CalendarId.random(), definition, PublicHolidays.SHARED);
        return ResponseEntity.ok(DuePreviewResource.of(DuePreview.of(null, time, start, duration)));
    }

    private static @Nullable String textMember(JsonNode body, String name, List<FieldProblem> problems) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(name, "must be a string"));
            return null;
        }
        return value.stringValue();
    }

    private CalendarInput input(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        CalendarInput input = CalendarJson.read(body, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return input;
    }

    private BusinessCalendar find(String id) {
        return calendars.byId(CalendarAccess.id(id)).orElseThrow(() -> new NotFound("calendar", id));
    }
}
