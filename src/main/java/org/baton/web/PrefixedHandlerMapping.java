package org.baton.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * bench/tickets.sh); passing over the mappings below saved 5-9 % of Baton's CPU per get
 * (docs/performance.md, 2026-12-04). Here each mapping's patterns are reduced, once, to the literal start every path
 * they match begins with ({@code /api/v1/tickets} for {@code /api/v1/tickets/{number}}), and a mapping
 * whose starts the path does not begin with is passed over without those checks: the answer is the
 * same (the patterns would not have matched), only cheaper. Paths with percent-escapes or matrix
 * parameters, which patterns match in their decoded form, always get the full check.
 */
final class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

    /** The lookup path of the request being mapped on this thread, when it can be compared literally. */
    private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

    private final Map<RequestMappingInfo, List<String>> starts = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        List<String> literal = literalStarts(mapping);
        if (literal != null) {
            starts.put(mapping, literal);
        }
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        starts.remove(mapping);
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String outer = LOOKUP_PATH.get();
        PathPatternParser parser = getPatternParser();
        boolean literal = parser != null && parser.isCaseSensitive() && lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        LOOKUP_PATH.set(literal ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.set(outer);
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null) {
            List<String> literal = starts.get(info);
            if (literal != null && !beginsWithAny(path, literal)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    static boolean beginsWithAny(String path, List<String> starts) {
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** The literal start of each of the mapping's path patterns; null when it has none that can be relied on. */
    static @Nullable List<String> literalStarts(RequestMappingInfo mapping) {
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        if (patterns == null || patterns.getPatterns().isEmpty()) {
            return null;
        }
        return patterns.getPatterns().stream().map(PathPattern::getPatternString).map(PrefixedHandlerMapping::literalStart).toList();
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
