package org.baton.sla;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A service-level policy as the API shows it. */
@Schema(name = "ServiceLevelPolicy")
record PolicyResource(String id, String kind, String name, boolean isDefault, @Nullable String organizationId,
        @Nullable String supportGroupId, String calendarId, List<Integer> warningPercents, List<String> pauseOn,
        List<Target> targets, long version, String createdAt, String updatedAt) {

    @Schema(name = "ServiceLevelTarget")
    record Target(@Nullable String ticketType, String priority, String target, String duration, @Nullable String calendarId) {}

    static PolicyResource of(ServiceLevelPolicy p) {
        return new PolicyResource(p.id().toString(), p.kind().name(), p.name(), p.isDefault(),
                p.organizationId() == null ? null : p.organizationId().toString(),
                p.supportGroupId() == null ? null : p.supportGroupId().toString(), p.calendarId().toString(), p.warningPercents(),
                p.pauseOn().stream().map(Enum::name).sorted().toList(),
                p.targets().stream().map(t -> new Target(t.ticketType() == null ? null : t.ticketType().name(), t.priority().name(),
                        t.target().name(), t.duration().toString(), t.calendarId() == null ? null : t.calendarId().toString())).toList(),
                p.version(), p.createdAt().toString(), p.updatedAt().toString());
    }
}
