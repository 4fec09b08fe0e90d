package org.baton.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.shared.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents in Baton's shape. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemType type, @Nullable String detail, @Nullable String instance) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (detail != null) {
            problem.setDetail(detail);
        }
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> problems, @Nullable String instance) {
        ProblemDetail problem = of(ProblemType.INVALID_INPUT,
                problems.size() == 1 ? problems.getFirst().field() + ": " + problems.getFirst().message()
                        : problems.size() + " fields are invalid.",
                instance);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }

    /** The problem as a plain map, for writers outside Spring MVC (security filters, the error page). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
