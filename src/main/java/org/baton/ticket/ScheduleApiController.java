package org.baton.ticket;

import static org.baton.ticket.TicketApiController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.baton.api.ProblemDocument;
import org.baton.identity.CurrentUser;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schedules of recurring operational tasks (monthly patching, weekly checks). */
@RestController
@RequestMapping("/api/v1/ticket-schedules")
@Tag(name = "Operational task schedules", description = "Recurring operational work: one task per period.")
class ScheduleApiController {

    private final OperationalSchedules schedules;

    ScheduleApiController(OperationalSchedules schedules) {
        this.schedules = schedules;
    }

    @Schema(name = "NewSchedule")
    record NewSchedule(@Schema(example = "Patch the file servers") @Nullable String title, @Nullable String description,
            @Nullable String organizationId, @Schema(description = "The group that does the work.") @Nullable String groupId,
            @Schema(description = "Who owns each task; without one, tasks start NEW.") @Nullable String ownerId,
            @Schema(example = "MONTHLY", allowableValues = {"DAILY", "WEEKLY", "MONTHLY"}) @Nullable String cadence,
            @Schema(example = "1", description = "Every n days, weeks or months.") @Nullable Integer every,
            @Schema(example = "2026-12-01", description = "The first day of the first period.") @Nullable String firstPeriod,
            @Schema(example = "Europe/Berlin") @Nullable String timeZone) {}

    record ScheduleResource(String id, String title, String description, String organizationId, @Nullable String groupId,
            @Nullable String ownerId, Cadence cadence, int every, LocalDate firstPeriod, String timeZone, LocalDate nextPeriod,
            boolean active) {
        static ScheduleResource of(OperationalSchedules.Schedule s) {
            return new ScheduleResource(s.id().toString(), s.title(), s.description(), s.organizationId().value().toString(),
                    s.groupId() == null ? null : s.groupId().value().toString(), s.ownerId() == null ? null : s.ownerId().value().toString(),
                    s.cadence(), s.every(), s.firstPeriod(), s.timeZone().getId(), s.nextPeriod(), s.active());
        }
    }

    @PostMapping
    @Operation(summary = "Create a schedule (team leads, coordinators, administrators)",
            description = "From firstPeriod on, each period gets one operational task (priority class PLANNED), due when the period ends.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"title\": \"Patch the file servers\", \"organizationId\": \"7c3fa29b-0000-4000-8000-000000000001\", "
                    + "\"cadence\": \"MONTHLY\", \"firstPeriod\": \"2026-12-01\", \"timeZone\": \"Europe/Berlin\"}")))
    @ApiResponse(responseCode = "201", description = "Created.")
    @ApiResponse(responseCode = "403", description = "Agents and customers do not create schedules.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "Invalid fields; errors names each.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<ScheduleResource> create(CurrentUser user, @RequestBody NewSchedule body) {
        Fields f = new Fields();
        LocalDate first = null;
        if (body.firstPeriod() != null && !body.firstPeriod().isBlank()) {
            try {
                first = LocalDate.parse(body.firstPeriod().strip());
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("firstPeriod", "must be a date such as 2026-12-01");
            }
        }
        var command = new OperationalSchedules.NewSchedule(body.title(), body.description(),
                f.id("organizationId", body.organizationId(), OrganizationId::new), f.id("groupId", body.groupId(), SupportGroupId::new),
                f.id("ownerId", body.ownerId(), UserId::new), f.enumValue("cadence", body.cadence(), Cadence.class), body.every(), first,
                body.timeZone());
        f.check();
        OperationalSchedules.Schedule schedule = schedules.create(user, command);
        return ResponseEntity.created(URI.create("/api/v1/ticket-schedules/" + schedule.id())).body(ScheduleResource.of(schedule));
    }

    @GetMapping
    @Operation(summary = "The schedules of the organizations you serve (staff)")
    List<ScheduleResource> list(CurrentUser user) {
        return schedules.visible(user).stream().map(ScheduleResource::of).toList();
    }
}
