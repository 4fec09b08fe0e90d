package org.baton.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..."}}, with {@code nextCursor} absent
 * on the last page. {@link #toResponse()} adds the RFC 8288 {@code Link: <...>; rel="next"} header.
 */
public record CursorPage<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only proves that a next
     * page exists, and the cursor is the key of the last row shown.
     */
    public static <R, T> CursorPage<T> fromLookahead(List<R> rows, PageQuery query, Function<R, String> keyOf, Function<R, T> view) {
        boolean more = rows.size() > query.limit();
        List<R> shown = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Cursors.encode(keyOf.apply(shown.getLast())) : null;
        return new CursorPage<>(shown.stream().map(view).toList(), next);
    }

    public ResponseEntity<CursorPage<T>> toResponse() {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (nextCursor != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", nextCursor)
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(this);
    }
}
