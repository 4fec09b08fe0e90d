package org.baton.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC's request mapping, with a shortcut for paths with variables. For a path that is not a
 * literal mapping ({@code /api/v1/tickets/INC-1042}), Spring checks every one of Baton's ~160 mappings
 * against the request in turn: its method, its CORS pre-flight, its headers and then its patterns, each
 * through the request's chain of wrappers: a sixth of Baton's Java samples for a get by number (JFR,
 * bench/tickets.sh). Here each mapping's patterns are reduced, once, to a {@link Shape}: the literal start
 * every path they match begins with ({@code /api/v1/tickets} for {@code /api/v1/tickets/{number}}) and how
 * many segments such a path has (4, or at least so many for {@code /webjars/{*path}}), and a mapping whose
 * shapes the path does not fit is passed over without those checks: the answer is the same (the patterns
 * would not have matched), only cheaper (docs/performance.md, 2026-12-04). Paths with percent-escapes or matrix
 * parameters, which patterns match in their decoded form, always get the full check; so do paths with an empty
 * segment or a trailing slash for the segment count.
 */
final class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The lookup path of the request being mapped on this thread, when it can be compared literally. */
    private static final ThreadLocal<@Nullable Lookup> LOOKUP = new ThreadLocal<>();

    /**
     * A lookup path and its segments (slashes), counted once per request rather than once per mapping; -1 when it has
     * an empty segment or a trailing slash, which Spring's patterns may treat otherwise: then only the start is compared.
     */
    record Lookup(String path, int segments) {

        static Lookup of(String path) {
            boolean countable = path.length() > 1 && !path.endsWith("/") && !path.contains("//");
            return new Lookup(path, countable ? StringUtils.countOccurrencesOf(path, "/") : -1);
        }
    }

    /**
     * The shapes of each mapping's patterns, by identity: Spring passes the registered instances back, and a
     * hash map's {@code equals} on a mapping compares all its conditions. Written only when mappings are
     * (un)registered, as a new map.
     */
    private volatile Map<RequestMappingInfo, List<Shape>> shapes = new IdentityHashMap<>();

    /**
     * What every path one pattern matches looks like: it begins with {@code start} and has {@code segments}
     * segments (slashes), or at least that many when {@code open}.
     */
    record Shape(String start, int segments, boolean open) {

        static Shape of(String pattern) {
            String start = literalStart(pattern);
            // a capture of the rest, a double wildcard or a regular expression (which might span a slash) leave the count open
            boolean open = pattern.contains("{*") || pattern.contains("**") || pattern.matches(".*\\{[^}]*:.*");
            return new Shape(start, StringUtils.countOccurrencesOf(open ? start : pattern, "/"), open);
        }

        boolean fits(Lookup lookup) {
            return lookup.path().startsWith(start)
                    && (lookup.segments() < 0 || (open ? lookup.segments() >= segments : lookup.segments() == segments));
        }
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        List<Shape> shape = shapes(mapping);
        if (shape != null) {
            synchronized (this) {
                Map<RequestMappingInfo, List<Shape>> next = new IdentityHashMap<>(shapes);
                next.put(mapping, shape);
                shapes = next;
            }
        }
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        synchronized (this) {
            Map<RequestMappingInfo, List<Shape>> next = new IdentityHashMap<>(shapes);
            next.keySet().removeIf(registered -> registered.equals(mapping));
            shapes = next;
        }
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Lookup outer = LOOKUP.get();
        PathPatternParser parser = getPatternParser();
        boolean literal = parser != null && parser.isCaseSensitive() && lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        LOOKUP.set(literal ? Lookup.of(lookupPath) : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.set(outer);
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Lookup lookup = LOOKUP.get();
        if (lookup != null) {
            List<Shape> shape = shapes.get(info);
            if (shape != null && !fitsAny(lookup, shape)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    static boolean fitsAny(Lookup lookup, List<Shape> shapes) {
        for (Shape shape : shapes) {
            if (shape.fits(lookup)) {
                return true;
            }
        }
        return false;
    }

    /** The shape of each of the mapping's path patterns; null when it has none that can be relied on. */
    static @Nullable List<Shape> shapes(RequestMappingInfo mapping) {
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        if (patterns == null || patterns.getPatterns().isEmpty()) {
            return null;
        }
        return patterns.getPatterns().stream().map(PathPattern::getPatternString).map(Shape::of).toList();
    }

    /**
     * What every path {@code pattern} matches begins with: the pattern itself when it has no variable or
     * wildcard (without a trailing slash), otherwise its whole segments before the first one
     * ({@code /api/v1/tickets} for {@code /api/v1/tickets/{number}} and for {@code /api/v1/tickets/{*rest}},
     * which also matches {@code /api/v1/tickets}).
     */
    static String literalStart(String pattern) {
        int wild = indexOfAny(pattern, "{*?");
        if (wild < 0) {
            return pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        }
        int slash = pattern.lastIndexOf('/', wild);
        return slash <= 0 ? "" : pattern.substring(0, slash);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Makes Spring Boot use this mapping for the application's controllers. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations prefixedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PrefixedHandlerMapping();
                }
            };
        }
    }
}
